import { periodLabel, summarySentence, yoy } from '../../domain/monitoring/figures.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { selectAggregateSums } from './aggregates.repo.js';
import { groupLabeller } from './figure-labels.js';
import { figureScope, periodOf } from './figure-scope.js';
import type { StatsQuery } from './monitoring.schemas.js';
import { addSums, analysisFigure, type Sums, zeroSums } from './present-figures.js';

/**
 * GET /api/monitoring/analysis (运行分析): every metric's 累计同比, 两年平均增长 and points above all
 * monitored SMEs, by group, with matched/unmatched counts, survey shares, and the summary sentence.
 * Reads monitoring_aggregates only (this period and the same month a year earlier).
 */
export async function getAnalysis(ctx: AppContext, actor: Actor | null, q: StatsQuery) {
  const { unit, scopeName } = await figureScope(ctx, actor);
  const { year, month } = periodOf(q.period);
  const dims = [...new Set([q.groupBy, 'all', 'tier'] as const)];
  const rows = await selectAggregateSums(ctx.db, {
    periods: [
      { year, month },
      { year: year - 1, month },
    ],
    dims,
    unit,
  });
  const pick = (y: number, dim: string) => new Map(rows.filter((r) => r.year === y && r.dim === dim).map((r) => [r.dimKey, r.sums]));
  const now = pick(year, q.groupBy);
  const before = pick(year - 1, q.groupBy);
  const allNow = pick(year, 'all').get('') ?? zeroSums();
  const allBefore = pick(year - 1, 'all').get('');
  const labels = await groupLabeller(ctx, q.groupBy);
  const keys = [...new Set([...labels.fixedKeys, ...[...now].filter(([, s]) => s.matched + s.unmatched > 0).map(([k]) => k)])];
  keys.sort(labels.compare);
  const groups = keys.map((k) => analysisFigure(k, labels.label(k), now.get(k) ?? zeroSums(), before.get(k), allNow));
  const all = analysisFigure('all', '全部监测中小企业', allNow, allBefore, null);

  // The seeds' 专精特新 enterprises include the 小巨人 (every 小巨人 is a 专精特新 enterprise): srdi ∪ little_giant.
  const tiers = pick(year, 'tier');
  const srdi: Sums = addSums(tiers.get('srdi'), tiers.get('little_giant'));
  const sentence = summarySentence({
    month,
    scopeName,
    group: {
      enterprises: srdi.matched,
      revenueYoY: yoy(srdi.revenue_cur, srdi.revenue_prev),
      profitYoY: yoy(srdi.profit_cur, srdi.profit_prev),
    },
    all: {
      enterprises: allNow.matched,
      revenueYoY: yoy(allNow.revenue_cur, allNow.revenue_prev),
      profitYoY: yoy(allNow.profit_cur, allNow.profit_prev),
    },
  });
  const revisedNote =
    allNow.revised > 0
      ? `本期数据含${allNow.revised.toLocaleString('zh-CN')}家企业在截止日期后修订的月报（本年或上年同期），已按修订后的数值计算。`
      : null;
  return { period: q.period, periodLabel: periodLabel(month), groupBy: q.groupBy, groups, all, sentence, revisedNote };
}
