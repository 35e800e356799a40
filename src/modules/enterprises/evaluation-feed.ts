// The registry as the evaluation reads it: enterprises in the actor's scope, page by page,
// each with its last three years, titles and honours. One query per table per page.
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

export async function* evaluationFeed(ctx: AppContext, actor: Actor | null, pageSize = 2000): AsyncGenerator<FeedRecord[]> {
  const who = requireAccess(actor, 'evaluation.run');
  const scope = enterpriseScopeCondition(scopeOf(who));
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await ctx.db
      .select({
        id: enterprises.id,
        districtCode: enterprises.districtCode,
        sector: enterprises.sector,
        nicheEntryYear: enterprises.nicheEntryYear,
        facts: enterprises.facts,
      })
      .from(enterprises)
      .where(sql`${enterprises.id} > ${after}${scope ? sql` and ${scope}` : sql``}`)
      .orderBy(enterprises.id)
      .limit(pageSize);
    if (!page.length) return;
    const ids = page.map((e) => e.id);
    const [years, titles, honours] = await Promise.all([
      ctx.database.query<Record<string, unknown>>(
        `select enterprise_id, year, revenue, main_revenue, net_profit, total_assets, total_liabilities, rd_expense, employees, rd_staff, equity_financing
           from enterprise_years where enterprise_id = any($1::uuid[]) order by year desc`,
        [ids],
      ),
      ctx.database.query<Record<string, string>>(
        `select enterprise_id, tier, status, valid_until::text from enterprise_titles where enterprise_id = any($1::uuid[])`,
        [ids],
      ),
      ctx.database.query<Record<string, string>>(
        `select enterprise_id, kind, valid_until::text from enterprise_honours where enterprise_id = any($1::uuid[])`,
        [ids],
      ),
    ]);
    const byId = new Map<string, FeedRecord>(page.map((e) => [e.id, { ...e, years: [], titles: [], honours: [] }]));
    for (const y of years) {
      const r = byId.get(y.enterprise_id as string);
      if (r && r.years.length < 3) {
        r.years.push({
          year: Number(y.year),
          revenue: Number(y.revenue ?? 0),
          mainRevenue: Number(y.main_revenue ?? 0),
          netProfit: Number(y.net_profit ?? 0),
          totalAssets: Number(y.total_assets ?? 0),
          totalLiabilities: Number(y.total_liabilities ?? 0),
          rdExpense: Number(y.rd_expense ?? 0),
          employees: Number(y.employees ?? 0),
          rdStaff: Number(y.rd_staff ?? 0),
          equityFinancing: Number(y.equity_financing ?? 0),
        });
      }
    }
    for (const t of titles) byId.get(t.enterprise_id)?.titles.push({ tier: t.tier, status: t.status, validUntil: t.valid_until });
    for (const h of honours) byId.get(h.enterprise_id)?.honours.push({ kind: h.kind, validUntil: h.valid_until });
    yield [...byId.values()];
    after = page[page.length - 1].id;
  }
}
