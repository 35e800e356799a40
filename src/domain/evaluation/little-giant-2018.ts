// The first "小巨人" batches (工信厅企业函〔2018〕381号), for historic records, criteria.md §3b.
// Confidence low–medium on the revenue band and growth rate; kept as parameters.
import { RD_INSTITUTION_LABELS } from '../labels.js';
import { debtCondition, ResultBuilder, requireYears, smeCondition } from './builder.js';
import { type Context, percentText, wan } from './context.js';
import { meanGrowthAtLeast, ratioAtLeast } from './exact.js';
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

export function evaluateLittleGiant2018(ctx: Context, p = LITTLE_GIANT_2018, explain = true): TierResult {
  const b = new ResultBuilder(ctx, 'little_giant', p.id, explain);
  const e = ctx.input.enterprise;
  const { y0, y1, y2 } = ctx;
  smeCondition(b);
  if (!requireYears(b, 3, SOURCE) || !y0 || !y1 || !y2) return b.finish(null);
  b.condition(
    'revenue',
    y0.revenue >= p.minRevenue && y0.revenue <= p.maxRevenue,
    explain && {
      name: `上年营业收入 ${p.minRevenue / WAN}～${p.maxRevenue / WAN} 万元`,
      detail: `${wan(y0.revenue)} 万元`,
      source: SOURCE,
    },
  );
  b.condition(
    'growth',
    meanGrowthAtLeast(y2.mainRevenue, y1.mainRevenue, y0.mainRevenue, p.minMeanGrowth) ||
      meanGrowthAtLeast(y2.netProfit, y1.netProfit, y0.netProfit, p.minMeanGrowth),
    explain && {
      name: `近 2 年主营业务收入或净利润平均增长率不低于 ${p.minMeanGrowth}%`,
      detail: `主营 ${percentText(y0.mainRevenue - y1.mainRevenue, y1.mainRevenue)}%`,
      source: SOURCE,
    },
  );
  debtCondition(b, p.maxDebt, explain && SOURCE);
  b.condition(
    'niche',
    e.yearsInNiche >= p.minNicheYears,
    explain && { name: `从事细分市场 ${p.minNicheYears} 年以上`, detail: `${e.yearsInNiche} 年`, source: SOURCE },
  );
  b.condition(
    'mainShare',
    ratioAtLeast(y0.mainRevenue, y0.revenue, p.minMainShare),
    explain && {
      name: `主营业务收入占营业收入 ${p.minMainShare}% 以上`,
      detail: `${percentText(y0.mainRevenue, y0.revenue)}%`,
      source: SOURCE,
    },
  );
  b.condition(
    'nicheShare',
    e.nicheMarketShare >= p.minNicheShare,
    explain && { name: `全国细分市场占有率 ${p.minNicheShare}% 以上`, detail: `${e.nicheMarketShare}%`, source: SOURCE },
  );
  b.condition(
    'ip',
    e.ip.classI >= p.minInventions || e.ip.classII >= p.minOtherIp,
    explain && {
      name: `有效发明专利 ${p.minInventions} 项以上，或实用新型、外观设计、软件著作权 ${p.minOtherIp} 项以上`,
      detail: `Ⅰ类 ${e.ip.classI}，Ⅱ类 ${e.ip.classII}`,
      source: SOURCE,
    },
  );
  b.condition(
    'rdInstitution',
    e.rdInstitution !== 'none',
    explain && { name: '自建或联合建立研发机构', detail: RD_INSTITUTION_LABELS[e.rdInstitution], source: SOURCE },
  );
  b.review('lg2018.infoSystem', b.explain && SOURCE);
  return b.finish(null);
}
