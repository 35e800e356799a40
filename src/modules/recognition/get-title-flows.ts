import { todayInShanghai } from '../../domain/dates.js';
import { TIER_LABELS, TIERS, type Tier } from '../../domain/enterprise-rules.js';
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { selectFlows } from './flows.repo.js';

/**
 * 有进有出 of a year: per district and tier, the titles that entered (recognised in the year), left
 * (revoked or expired in the year; left = revoked + expired), passed 复核 (renewed) and were held at
 * the year's end. Officers; a district sees its own enterprises.
 */
export async function getTitleFlows(ctx: AppContext, actor: Actor | null, q: { year: number; districtCode?: string }) {
  const who = requireAccess(actor, 'recognition.flows');
  const rows = await selectFlows(ctx.db, { scope: scopeOf(who), year: q.year, today: todayInShanghai(), districtCode: q.districtCode });
  const tierOrder = (t: string) => TIERS.indexOf(t as Tier);
  return {
    year: q.year,
    rows: rows
      .filter((r) => r.entered + r.revoked + r.expired + r.renewed + r.heldAtYearEnd > 0)
      .sort((a, b) => a.districtCode.localeCompare(b.districtCode) || tierOrder(a.tier) - tierOrder(b.tier))
      .map((r) => ({
        districtCode: r.districtCode,
        districtName: r.districtName,
        tier: r.tier,
        tierLabel: TIER_LABELS[r.tier as Tier] ?? r.tier,
        entered: r.entered,
        left: r.revoked + r.expired,
        revoked: r.revoked,
        expired: r.expired,
        renewed: r.renewed,
        heldAtYearEnd: r.heldAtYearEnd,
      })),
  };
}
