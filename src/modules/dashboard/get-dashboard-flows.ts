import { todayInShanghai } from '../../domain/dates.js';
import { TIER_LABELS, TIERS } from '../../domain/enterprise-rules.js';
import { type Actor, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { readerFor } from '../../server/read-replica.js';
import { selectFlowsByYear } from '../recognition/flow-years.repo.js';
import type { CockpitFlowsQuery } from './dashboard.schemas.js';
import { resolveDashboardScope } from './dashboard-scope.js';

/** The API path of the titles behind one number of 有进有出. */
export function flowRowsUrl(year: number, tier: string, direction: 'entered' | 'left', place: string | null): string {
  const params = new URLSearchParams({ year: String(year), tier, direction, ...(place ? { district: place } : {}) });
  return `/api/dashboard/flows/rows?${params}`;
}

/**
 * GET /api/dashboard/flows: 有进有出 of the reader's place per year (the last five to this year unless
 * asked) and tier — titles that entered (recognised, not as a renewal after 复核) and left (revoked or
 * ended without renewal) — every year and tier present (0 included), each number with its rows.
 */
export async function getDashboardFlows(ctx: AppContext, actor: Actor | null, q: CockpitFlowsQuery) {
  const scope = await resolveDashboardScope(ctx, actor, q.district);
  const asOf = todayInShanghai();
  const thisYear = Number(asOf.slice(0, 4));
  const toYear = q.toYear ?? (q.fromYear !== undefined ? Math.min(q.fromYear + 4, thisYear) : thisYear);
  const fromYear = q.fromYear ?? toYear - 4;
  const found = await selectFlowsByYear(await readerFor(ctx), {
    scope: scopeOf(actor as Actor),
    districtCode: scope.code ?? undefined,
    today: asOf,
    fromYear,
    toYear: Math.max(fromYear, toYear),
  });
  const at = (year: number, tier: string) => found.find((r) => r.year === year && r.tier === tier);
  const rows = [];
  for (let year = fromYear; year <= toYear; year++)
    for (const tier of TIERS)
      rows.push({
        year,
        tier,
        tierLabel: TIER_LABELS[tier],
        entered: at(year, tier)?.entered ?? 0,
        left: at(year, tier)?.left ?? 0,
        enteredRowsUrl: flowRowsUrl(year, tier, 'entered', scope.code),
        leftRowsUrl: flowRowsUrl(year, tier, 'left', scope.code),
      });
  return { asOf, scope, fromYear, toYear, rows };
}
