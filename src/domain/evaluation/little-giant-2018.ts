// The first "小巨人" batches (工信厅企业函〔2018〕381号), for historic records, criteria.md §3b.
// Confidence low–medium on the revenue band and growth rate; kept as parameters.
import { ResultBuilder, requireYears, smeCondition } from './builder.js';
import type { Context } from './context.js';
import { meanGrowthAtLeast, percentOf, ratioAtLeast, ratioAtMost } from './exact.js';
import type { TierResult } from './types.js';

const SOURCE = '工信厅企业函〔2018〕381号';
const WAN = 10_000;

export const LITTLE_GIANT_2018 = {
  id: 'little-giant-2018',
  effectiveFrom: '2018-11-01',
  minRevenue: 10_000 * WAN,
  maxRevenue: 40_000 * WAN,
  minMeanGrowth: 10,
  maxDebt: 70,
  minNicheYears: 3,
  minMainShare: 70,
  minNicheShare: 10,
  minInventions: 2,
  minOtherIp: 5,
};

export function evaluateLittleGiant2018(ctx: Context, p = LITTLE_GIANT_2018): TierResult {
  const b = new ResultBuilder(ctx, 'little_giant', p.id);
  const e = ctx.input.enterprise;
  const { y0, y1, y2 } = ctx;
  smeCondition(b);
  if (!requireYears(b, 3, SOURCE) || !y0 || !y1 || !y2) return b.finish(null, []);
  b.condition(
    'revenue',
    `上年营业收入 ${p.minRevenue / WAN}～${p.maxRevenue / WAN} 万元`,
    y0.revenue >= p.minRevenue && y0.revenue <= p.maxRevenue,
    `${y0.revenue / WAN} 万元`,
    SOURCE,
  );
  const growth =
    meanGrowthAtLeast(y2.mainRevenue, y1.mainRevenue, y0.mainRevenue, p.minMeanGrowth) ||
    meanGrowthAtLeast(y2.netProfit, y1.netProfit, y0.netProfit, p.minMeanGrowth);
  b.condition(
    'growth',
    `近 2 年主营业务收入或净利润平均增长率不低于 ${p.minMeanGrowth}%`,
    growth,
    `主营 ${percentOf(y0.mainRevenue - y1.mainRevenue, y1.mainRevenue)}%`,
    SOURCE,
  );
  b.condition(
    'debtRatio',
    `资产负债率不高于 ${p.maxDebt}%`,
    ratioAtMost(y0.totalLiabilities, y0.totalAssets, p.maxDebt),
    `${percentOf(y0.totalLiabilities, y0.totalAssets)}%`,
    SOURCE,
  );
  b.condition('niche', `从事细分市场 ${p.minNicheYears} 年以上`, e.yearsInNiche >= p.minNicheYears, `${e.yearsInNiche} 年`, SOURCE);
  b.condition(
    'mainShare',
    `主营业务收入占营业收入 ${p.minMainShare}% 以上`,
    ratioAtLeast(y0.mainRevenue, y0.revenue, p.minMainShare),
    `${percentOf(y0.mainRevenue, y0.revenue)}%`,
    SOURCE,
  );
  b.condition(
    'nicheShare',
    `全国细分市场占有率 ${p.minNicheShare}% 以上`,
    e.nicheMarketShare >= p.minNicheShare,
    `${e.nicheMarketShare}%`,
    SOURCE,
  );
  b.condition(
    'ip',
    `有效发明专利 ${p.minInventions} 项以上，或实用新型、外观设计、软件著作权 ${p.minOtherIp} 项以上`,
    e.ip.classI >= p.minInventions || e.ip.classII >= p.minOtherIp,
    `Ⅰ类 ${e.ip.classI}，Ⅱ类 ${e.ip.classII}`,
    SOURCE,
  );
  b.condition('rdInstitution', '自建或联合建立研发机构', e.rdInstitution !== 'none', e.rdInstitution, SOURCE);
  b.review('lg2018.infoSystem', '至少 1 项核心业务采用信息系统支撑', '企业是否至少有 1 项核心业务采用信息系统支撑？', SOURCE);
  return b.finish(null, []);
}
