// The registry as the evaluation reads it: enterprises in the actor's scope, page by page,
// each with the years an assessment reads, its titles and honours. One query per page: the
// related rows come as JSON arrays (PGlite hands over a JSON column twice as fast as rows).
import { sql } from 'drizzle-orm';
import { enterprises } from '../../db/schema/index.js';
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { enterpriseScopeCondition } from './enterprises.repo.js';

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

export async function countEvaluable(ctx: AppContext, actor: Actor | null): Promise<number> {
  const who = requireAccess(actor, 'evaluation.run');
  const where = enterpriseScopeCondition(scopeOf(who));
  const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(enterprises).where(where);
  return n;
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
  const scope = enterpriseScopeCondition(scopeOf(who));
  let after = start ?? '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await ctx.db
      .select({
        id: enterprises.id,
        districtCode: enterprises.districtCode,
        sector: enterprises.sector,
        nicheEntryYear: enterprises.nicheEntryYear,
        facts: enterprises.facts,
        years: sql<YearRow[] | null>`(select json_agg(json_build_array(y.year, y.revenue, y.main_revenue, y.net_profit, y.total_assets,
            y.total_liabilities, y.rd_expense, y.employees, y.rd_staff, y.equity_financing))
          from enterprise_years y where y.enterprise_id = ${OUTER_ID} and y.year between ${years.from} and ${years.to})`.as('years'),
        titles: sql<[string, string, string | null][] | null>`(select json_agg(json_build_array(t.tier, t.status, t.valid_until))
          from enterprise_titles t where t.enterprise_id = ${OUTER_ID})`.as('titles'),
        honours: sql<[string, string | null][] | null>`(select json_agg(json_build_array(h.kind, h.valid_until))
          from enterprise_honours h where h.enterprise_id = ${OUTER_ID})`.as('honours'),
      })
      .from(enterprises)
      .where(
        sql`${enterprises.id} > ${after}${scope ? sql` and ${scope}` : sql``}${enterpriseId ? sql` and ${enterprises.id} = ${enterpriseId}` : sql``}`,
      )
      .orderBy(enterprises.id)
      .limit(pageSize);
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

type YearRow = [number, ...(number | null)[]];

// Spelled out: in a select list drizzle writes a column without its table ("id"), which inside
// these subqueries would name the subquery's own id column.
const OUTER_ID = sql.raw('"enterprises"."id"');

const yearOf = ([year, ...f]: YearRow) => ({
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

/** The years an evaluation on these assessment dates reads: the three complete years before each. */
export function yearsFor(...assessmentDates: string[]): { from: number; to: number } {
  const priors = assessmentDates.map((d) => Number(d.slice(0, 4)) - 1);
  return { from: Math.min(...priors) - 2, to: Math.max(...priors) };
}
