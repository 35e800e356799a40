import type { DbOrTx } from '../../db/database.js';
import { dataYearsDueDuring, missedUpdateReason } from '../../domain/recognition/annual-update.js';
import { titleValidUntil } from '../../domain/recognition/lifecycle.js';
import { selectDeadlineSettings, selectUpdatesOf } from './annual-updates.repo.js';

/**
 * 复核 eligibility (for the submission of a review application): every annual update that fell due
 * during the title's validity was made by its deadline. `missing` names the data years that were
 * not (none made, or made late), `reasons` says so in the words the submission shows
 * ("2025 年度信息未在 2026-04-30 前更新，不具备复核资格"). An update still open by `today` is not missed.
 */
export async function hasCompletedAnnualUpdates(
  db: DbOrTx,
  enterpriseId: string,
  title: { recognisedOn: string; validUntil: string | null },
  today: string,
): Promise<{ ok: boolean; missing: number[]; reasons: string[] }> {
  const validity = { recognisedOn: title.recognisedOn, validUntil: title.validUntil ?? titleValidUntil(title.recognisedOn) };
  const [settings, updates] = await Promise.all([selectDeadlineSettings(db), selectUpdatesOf(db, enterpriseId)]);
  const onTime = new Set(updates.filter((u) => u.onTime).map((u) => u.dataYear));
  const missed = dataYearsDueDuring(validity, settings, today).filter((d) => !onTime.has(d.dataYear));
  return {
    ok: missed.length === 0,
    missing: missed.map((d) => d.dataYear),
    reasons: missed.map((d) => missedUpdateReason(d.dataYear, d.dueOn)),
  };
}
