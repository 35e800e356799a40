// The registry as the evaluation reads it: enterprises in the actor's scope, page by page,
// each with the years an assessment reads, its titles and honours. One query per page: the
// related rows come as JSON arrays (PGlite hands over a JSON column twice as fast as rows).
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { type FeedYearRow, selectFeedPage } from './registry-views.repo.js';

export interface FeedRecord {
  id: string;
  districtCode: string;
  sector: string;
  nicheEntryYear: number | null;
  facts: unknown;
  years: ({ year: number } & Record<string, number>)[];
  titles: { tier: string; status: string; validUntil: string | null }[];
  honours: { kind: string; validUntil: string | null }[];
}

/**
 * Pages of the registry in scope, each enterprise with the yearly figures of `years` (the three
 * complete years before an assessment date: see yearsFor), its titles and honours.
 */
export async function* evaluationFeed(
  ctx: AppContext,
  actor: Actor | null,
  years: { from: number; to: number },
  {
    enterpriseId,
    pageSize = 2000,
    after: start,
  }: {
    enterpriseId?: string;
    pageSize?: number;
    /** Resume after this enterprise id (pages go in id order). */
    after?: string | null;
  } = {},
): AsyncGenerator<FeedRecord[]> {
  const who = requireAccess(actor, 'evaluation.run');
  const scope = scopeOf(who);
  let after = start ?? '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await selectFeedPage(ctx.db, scope, years, after, pageSize, enterpriseId);
    if (!page.length) return;
    yield page.map((e) => ({
      ...e,
      years: (e.years ?? []).map(yearOf),
      titles: (e.titles ?? []).map(([tier, status, validUntil]) => ({ tier, status, validUntil })),
      honours: (e.honours ?? []).map(([kind, validUntil]) => ({ kind, validUntil })),
    }));
    after = page[page.length - 1].id;
  }
}

const yearOf = ([year, ...f]: FeedYearRow) => ({
  year,
  revenue: f[0] ?? 0,
  mainRevenue: f[1] ?? 0,
  netProfit: f[2] ?? 0,
  totalAssets: f[3] ?? 0,
  totalLiabilities: f[4] ?? 0,
  rdExpense: f[5] ?? 0,
  employees: f[6] ?? 0,
  rdStaff: f[7] ?? 0,
  equityFinancing: f[8] ?? 0,
});
