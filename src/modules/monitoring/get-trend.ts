import { currentPeriod, formatPeriod } from '../../domain/monitoring/periods.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { selectAggregateSums } from './aggregates.repo.js';
import { groupLabeller } from './figure-labels.js';
import { figureScope } from './figure-scope.js';
import type { TrendQuery } from './monitoring.schemas.js';
import { statsFigure, zeroSums } from './present-figures.js';

/**
 * GET /api/monitoring/trend: 累计同比 of revenue and profit month by month through a year, per group
 * and for all (the charts). Months up to the current one; read from monitoring_aggregates only.
 */
export async function getTrend(ctx: AppContext, actor: Actor | null, q: TrendQuery) {
  const { unit } = await figureScope(ctx, actor, q.district);
  const now = currentPeriod();
  const last = q.year < now.year ? 12 : q.year === now.year ? now.month : 0;
  const periods = Array.from({ length: last }, (_, i) => ({ year: q.year, month: i + 1 }));
  const rows = await selectAggregateSums(ctx.db, { periods, dims: [q.groupBy, 'all'], unit });
  const labels = await groupLabeller(ctx, q.groupBy);
  const keys = [
    ...new Set([
      ...labels.fixedKeys,
      ...rows.filter((r) => r.dim === q.groupBy && r.sums.matched + r.sums.unmatched > 0).map((r) => r.dimKey),
    ]),
  ].sort(labels.compare);
  const at = (month: number, dim: string, key: string) =>
    rows.find((r) => r.month === month && r.dim === dim && r.dimKey === key)?.sums ?? zeroSums();
  const point = (f: ReturnType<typeof statsFigure>) => ({ revenueYoY: f.revenueYoY, profitYoY: f.profitYoY });
  return {
    year: q.year,
    months: periods.map((p) => ({
      period: formatPeriod(p),
      series: keys.map((k) => ({ key: k, label: labels.label(k), ...point(statsFigure(k, '', at(p.month, q.groupBy, k))) })),
      all: point(statsFigure('all', '', at(p.month, 'all', ''))),
    })),
  };
}
