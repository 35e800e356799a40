// The shapes of the annual update as the routes answer them.
import {
  ANNUAL_UPDATE_STATUS_LABELS,
  type AnnualUpdateStatus,
  annualUpdateDueOn,
  annualUpdateStatus,
} from '../../domain/recognition/annual-update.js';

/** A timestamp as ISO text (as the applications' history answers it). */
export const isoTime = (at: Date | string | null): string | null => (at === null ? null : new Date(at).toISOString());

export function presentDue(q: {
  dataYear: number;
  settings: ReadonlyMap<number, string>;
  holder: boolean;
  update: { onTime: boolean; submittedAt: Date | string } | null;
  today: string;
}) {
  const dueOn = annualUpdateDueOn(q.dataYear, q.settings);
  const status: AnnualUpdateStatus = annualUpdateStatus({ holder: q.holder, update: q.update, dueOn, today: q.today });
  return {
    dataYear: q.dataYear,
    dueOn,
    status,
    statusLabel: ANNUAL_UPDATE_STATUS_LABELS[status],
    submittedAt: q.update ? isoTime(q.update.submittedAt) : null,
    onTime: q.update ? q.update.onTime : null,
  };
}
