import type { DbOrTx } from '../../db/database.js';
import { TIERS, type Tier } from '../../domain/enterprise-rules.js';
import { banUntil, REVOCATION_CATEGORIES, type RevocationCategory } from '../../domain/recognition/lifecycle.js';
import { selectRevokedTitles } from '../enterprises/titles.repo.js';

/**
 * Whether the enterprise is barred from applying for `tier` on `today`: a revocation whose category
 * carries a ban (REVOCATION_CATEGORIES) bars that tier and the ones above it — 数据造假 all three —
 * until the same date `banYears` later. The latest-ending ban answers; null when none applies.
 */
export async function findBan(
  db: DbOrTx,
  enterpriseId: string,
  tier: Tier,
  today: string,
): Promise<{ until: string; category: RevocationCategory } | null> {
  let found: { until: string; category: RevocationCategory } | null = null;
  for (const t of await selectRevokedTitles(db, enterpriseId)) {
    if (!t.revokedOn || !t.revocationCategory || !Object.hasOwn(REVOCATION_CATEGORIES, t.revocationCategory)) continue;
    const category = t.revocationCategory as RevocationCategory;
    const rule = REVOCATION_CATEGORIES[category];
    if (rule.banYears <= 0) continue;
    if (!rule.bansAllTiers && TIERS.indexOf(tier) < TIERS.indexOf(t.tier as Tier)) continue;
    const until = banUntil(t.revokedOn, rule.banYears);
    if (today >= until) continue;
    if (!found || until > found.until) found = { until, category };
  }
  return found;
}
