import { todayInShanghai } from '../../domain/dates.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { countApplicationsByDistrict as selectCounts } from './applications-review.repo.js';

/**
 * The applications the actor may read in one of `statuses` (only those past their 初审 due date with
 * `overdue`), counted per 区县: the workbench's per-district list of 申报审核. Each count is what
 * 申报审核 filtered by that status and district lists.
 */
export async function countApplicationsByDistrict(
  ctx: AppContext,
  actor: Actor | null,
  f: { statuses: string[]; overdue?: boolean },
): Promise<{ districtCode: string; districtName: string; count: number }[]> {
  const who = requireAccess(actor, 'recognition.read');
  const rows = await selectCounts(ctx.db, who, { statuses: f.statuses, overdueOn: f.overdue ? todayInShanghai() : undefined });
  return rows.map((r) => ({ districtCode: r.districtCode, districtName: r.districtName ?? '未知区县', count: r.count }));
}
