// 年度信息更新: holders of a valid title update the previous year's figures by a deadline of the rule
// version (capabilities.md §1.1 row 4 and 18, §1.3). Pure: the deadlines the city set are passed in.
import { RULES_2026_FROM } from '../evaluation/evaluate.js';

/** Reminders go out this many days before the deadline, once per enterprise and threshold. */
export const ANNUAL_UPDATE_REMINDER_DAYS = [30, 7, 1] as const;

/** How far back an enterprise may still fill in a year (the current year's figures are not final). */
export const ANNUAL_UPDATE_YEARS_BACK = 3;

export type AnnualUpdateStatus = 'done' | 'pending' | 'late' | 'not_required';
export const ANNUAL_UPDATE_STATUS_LABELS: Record<AnnualUpdateStatus, string> = {
  done: '已按期更新',
  pending: '待更新',
  late: '逾期',
  not_required: '无需更新',
};

/**
 * The deadline of data year `dataYear` (updated in the following year) when the city set none: the
 * rule regime in force when the update year begins decides — 30 April under the 2022 rules (63号),
 * 31 May under the 2026 rules (2号). So 2025 data is due 2026-04-30, 2026 data 2027-05-31.
 */
export function defaultAnnualUpdateDueOn(dataYear: number): string {
  const updateYear = dataYear + 1;
  return `${updateYear}-01-01` < RULES_2026_FROM ? `${updateYear}-04-30` : `${updateYear}-05-31`;
}

/** The deadline: the city's setting for that data year, else the rule regime's default. */
export function annualUpdateDueOn(dataYear: number, settings: ReadonlyMap<number, string>): string {
  return settings.get(dataYear) ?? defaultAnnualUpdateDueOn(dataYear);
}

/** Whether an update submitted on `submittedOn` (YYYY-MM-DD) is in time for `dueOn` (the day itself counts). */
export const isOnTime = (submittedOn: string, dueOn: string) => submittedOn <= dueOn;

/**
 * The state of one data year for an enterprise: done on time, done late or missed (`late`), still
 * open (`pending`), or not required (no valid title).
 */
export function annualUpdateStatus(input: {
  holder: boolean;
  update: { onTime: boolean } | null;
  dueOn: string;
  today: string;
}): AnnualUpdateStatus {
  if (input.update) return input.update.onTime ? 'done' : 'late';
  if (!input.holder) return 'not_required';
  return input.today > input.dueOn ? 'late' : 'pending';
}

/** Same date `days` later (negative: earlier). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The data years whose update fell due during a title's validity: the deadline lies after the
 * recognition and not after the end of validity, and has passed by `today` (an update still open
 * is not missed). The candidates are the years from the one before the recognition year.
 */
export function dataYearsDueDuring(
  title: { recognisedOn: string; validUntil: string },
  settings: ReadonlyMap<number, string>,
  today: string,
): { dataYear: number; dueOn: string }[] {
  const out: { dataYear: number; dueOn: string }[] = [];
  const from = Number(title.recognisedOn.slice(0, 4)) - 1;
  const to = Number(title.validUntil.slice(0, 4));
  for (let y = from; y <= to; y++) {
    const dueOn = annualUpdateDueOn(y, settings);
    if (dueOn > title.recognisedOn && dueOn <= title.validUntil && dueOn < today) out.push({ dataYear: y, dueOn });
  }
  return out;
}

/** The reason a missed year bars 复核, in the words the submission shows. */
export const missedUpdateReason = (dataYear: number, dueOn: string) => `${dataYear} 年度信息未在 ${dueOn} 前更新，不具备复核资格`;
