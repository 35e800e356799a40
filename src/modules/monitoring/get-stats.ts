import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { selectAggregateSums } from './aggregates.repo.js';
import { groupLabeller } from './figure-labels.js';
import { figureScope, periodOf } from './figure-scope.js';
import type { StatsQuery } from './monitoring.schemas.js';
import { statsFigure, zeroSums } from './present-figures.js';

/**
 * GET /api/monitoring/stats: a period's 累计 revenue and profit on the matched sample by group, and
 * for all monitored enterprises in the reader's scope. Read from monitoring_aggregates only.
 */
export async function getStats(ctx: AppContext, actor: Actor | null, q: StatsQuery) {
  const { unit } = await figureScope(ctx, actor);
  const { year, month } = periodOf(q.period);
  const rows = await selectAggregateSums(ctx.db, { periods: [{ year, month }], dims: [q.groupBy, 'all'], unit });
  const labels = await groupLabeller(ctx, q.groupBy);
  const byKey = new Map(rows.filter((r) => r.dim === q.groupBy).map((r) => [r.dimKey, r.sums]));
  const keys = [...new Set([...labels.fixedKeys, ...[...byKey].filter(([, s]) => s.matched + s.unmatched > 0).map(([k]) => k)])];
  keys.sort(labels.compare);
  const all = rows.find((r) => r.dim === 'all')?.sums ?? zeroSums();
  return {
    period: q.period,
    groups: keys.map((k) => statsFigure(k, labels.label(k), byKey.get(k) ?? zeroSums())),
    all: statsFigure('all', '全部监测中小企业', all),
  };
}
