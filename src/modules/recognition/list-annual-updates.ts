import { todayInShanghai } from '../../domain/dates.js';
import { TIER_LABELS, type Tier } from '../../domain/enterprise-rules.js';
import { annualUpdateDueOn } from '../../domain/recognition/annual-update.js';
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { selectDeadlineSettings, selectHolderUpdates } from './annual-updates.repo.js';
import { dueDataYear } from './get-my-annual-update.js';
import { presentDue } from './present-annual-update.js';

/**
 * 未更新企业: the holders of a valid title (on the deadline, or today while it is still open) in the
 * officer's scope (a district its own) and whether each updated the data year; `status=missing`
 * lists those that did not.
 */
export async function listAnnualUpdates(
  ctx: AppContext,
  actor: Actor | null,
  q: { dataYear?: number; districtCode?: string; status?: 'missing' | 'done'; page: number; pageSize: number },
) {
  const who = requireAccess(actor, 'recognition.annual.read');
  const today = todayInShanghai();
  const dataYear = q.dataYear ?? dueDataYear(today);
  const settings = await selectDeadlineSettings(ctx.db, [dataYear]);
  const dueOn = annualUpdateDueOn(dataYear, settings);
  const day = today < dueOn ? today : dueOn;
  const { items, total } = await selectHolderUpdates(ctx.db, {
    scope: scopeOf(who),
    day,
    dataYear,
    districtCode: q.districtCode,
    status: q.status,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    dataYear,
    dueOn,
    items: items.map((r) => {
      const due = presentDue({
        dataYear,
        settings,
        holder: true,
        update: r.submittedAt === null ? null : { onTime: r.onTime === true, submittedAt: r.submittedAt },
        today,
      });
      return {
        enterpriseId: r.enterpriseId,
        enterpriseName: r.name,
        uscc: r.uscc,
        districtCode: r.districtCode,
        districtName: r.districtName,
        tier: r.tier,
        tierLabel: TIER_LABELS[r.tier as Tier] ?? r.tier,
        status: due.status,
        statusLabel: due.statusLabel,
        submittedAt: due.submittedAt,
        onTime: due.onTime,
      };
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
