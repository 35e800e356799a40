// 工信部企业〔2026〕2号 《优质中小企业梯度培育管理办法》 (in force 2026-04-01), criteria.md §6b–§6d:
// 专精特新中小企业 and "小巨人" as conditions that must all hold (no 100-point table), and the
// bottom tier 科技和创新型中小企业 = the 2022 innovative standard or the 科技型中小企业 standard.
// Confidence medium (two secondary sources agree; verify against the official PDF).
import { bandAtLeast, numeratorFor, pointsOf, readingOf } from './bands.js';
import {
  type CategoryDef,
  debtCondition,
  developmentScoreCondition,
  mainShareCondition,
  ResultBuilder,
  requireYears,
  smeCondition,
} from './builder.js';
import { type Context, hasRecentAward, recentEquity, wan } from './context.js';
import { compoundGrowthAtLeast, percentOf, ratioAtLeast } from './exact.js';
import { evaluateInnovative2022, INNOVATIVE_2022 } from './innovative-2022.js';
import type { TierResult } from './types.js';

const SOURCE = '工信部企业〔2026〕2号';
const WAN = 10_000;
// Built once, not on every evaluation (scores-only runs pass them along unread).
const SRDI_DEVELOPMENT_SOURCE = `${SOURCE}；工信厅企业〔2024〕75号`;
const LITTLE_GIANT_DEVELOPMENT_SOURCE = `${SOURCE} 附件2 七`;

export const SRDI_2026 = {
  id: 'srdi-2026',
  effectiveFrom: '2026-04-01',
  minNicheYears: 3,
  minRevenue: 1500 * WAN,
  altEquity2y: 2000 * WAN,
  minMainShare: 80,
  maxDebt: 80,
  minRdExpense: 100 * WAN,
  minRdRatio: 3,
  minDevelopmentScore: 50,
};

export function evaluateSrdi2026(ctx: Context, p = SRDI_2026, explain = true): TierResult {
  const b = new ResultBuilder(ctx, 'srdi', p.id, explain);
  const e = ctx.input.enterprise;
  const { y0, y1 } = ctx;
  smeCondition(b);
  const bottom = e.qualifications.innovativeSme || e.qualifications.techSme;
  b.condition(
    'bottomTier',
    bottom,
    explain && { name: '有效期内的创新型中小企业', detail: bottom ? '是' : '否', source: `${SOURCE} 附件1 一` },
  );
  const nicheOk = e.yearsInNiche >= p.minNicheYears;
  b.condition(
    'niche',
    nicheOk,
    explain && { name: `从事特定细分市场 ${p.minNicheYears} 年以上`, detail: `${e.yearsInNiche} 年`, source: `${SOURCE} 附件1 二` },
  );
  if (explain && !nicheOk) b.need('niche', `从事细分市场还需 ${p.minNicheYears - e.yearsInNiche} 年`);
  if (!requireYears(b, 2, SOURCE) || !y0 || !y1) return b.finish(null);
  const equity = recentEquity(ctx, 2) ?? 0;
  const scale = y0.revenue >= p.minRevenue || equity >= p.altEquity2y;
  b.condition(
    'scale',
    scale,
    explain && {
      name: `上年营业收入不低于 ${p.minRevenue / WAN} 万元（或近 2 年新增股权融资不低于 ${p.altEquity2y / WAN} 万元）`,
      detail: `${wan(y0.revenue)} 万元`,
      source: `${SOURCE} 附件1 三`,
    },
  );
  if (explain && !scale) b.need('scale', `营业收入还差 ${wan(p.minRevenue - y0.revenue)} 万元即可达到 ${p.minRevenue / WAN} 万元`);
  mainShareCondition(b, p.minMainShare, explain && `${SOURCE} 附件1 四`);
  debtCondition(b, p.maxDebt, explain && `${SOURCE} 附件1 五`);
  const rd0 = y0.rdExpense >= p.minRdExpense && ratioAtLeast(y0.rdExpense, y0.revenue, p.minRdRatio);
  const rd1 = y1.rdExpense >= p.minRdExpense && ratioAtLeast(y1.rdExpense, y1.revenue, p.minRdRatio);
  b.condition(
    'rd',
    rd0 && rd1,
    explain && {
      name: `近 2 年每年研发费用不低于 ${p.minRdExpense / WAN} 万元且不低于营业收入的 ${p.minRdRatio}%`,
      detail: `${wan(y1.rdExpense)} / ${wan(y0.rdExpense)} 万元`,
      source: `${SOURCE} 附件1 六`,
    },
  );
  if (explain)
    for (const [y, ok] of [
      [y1, rd1],
      [y0, rd0],
    ] as const) {
      if (ok) continue;
      b.need(
        `rd.${y.year}`,
        `${y.year} 年研发费用还差 ${wan(Math.max(p.minRdExpense, numeratorFor(y.revenue, p.minRdRatio)) - y.rdExpense)} 万元即可达到 ${p.minRdExpense / WAN} 万元且不低于营业收入的 ${p.minRdRatio}%`,
      );
    }
  const waiver = hasRecentAward(ctx, 3, 3) || e.rdInstitution === 'provincial' || e.rdInstitution === 'national';
  b.condition(
    'ip',
    e.ip.classI >= 1 || waiver,
    explain && {
      name: 'Ⅰ类知识产权 1 项以上（或省级以上科技奖励前三、省部级以上研发机构）',
      detail: `Ⅰ类知识产权 ${e.ip.classI} 项`,
      source: `${SOURCE} 附件1 七`,
    },
  );
  if (explain && e.ip.classI < 1 && !waiver) b.need('ip', 'Ⅰ类知识产权还需 1 项');
  b.review('srdi2026.market', b.explain && `${SOURCE} 附件1 八`);
  developmentScoreCondition(b, p.minDevelopmentScore, SRDI_DEVELOPMENT_SOURCE);
  return b.finish(null);
}

export const LITTLE_GIANT_2026 = {
  id: 'little-giant-2026',
  effectiveFrom: '2026-04-01',
  minNicheYears: 3,
  minRevenue: 5000 * WAN,
  minMainShare: 90,
  minCagr: 5,
  maxDebt: 75,
  minRd2y: 1200 * WAN,
  minRdRatio: 3,
  minClassI: 4,
  minNicheShare: 10,
  minDevelopmentScore: 60,
};

export function evaluateLittleGiant2026(ctx: Context, p = LITTLE_GIANT_2026, explain = true): TierResult {
  const b = new ResultBuilder(ctx, 'little_giant', p.id, explain);
  const e = ctx.input.enterprise;
  const { y0, y1, y2 } = ctx;
  smeCondition(b);
  const srdiSme = e.qualifications.srdiSme;
  b.condition(
    'srdiSme',
    srdiSme,
    explain && { name: '有效期内的专精特新中小企业', detail: srdiSme ? '是' : '否', source: `${SOURCE} 附件2 一` },
  );
  b.condition(
    'niche',
    e.yearsInNiche >= p.minNicheYears,
    explain && { name: `从事特定细分市场 ${p.minNicheYears} 年以上`, detail: `${e.yearsInNiche} 年`, source: `${SOURCE} 附件2 一` },
  );
  if (!requireYears(b, 3, SOURCE) || !y0 || !y1 || !y2) return b.finish(null);
  const revenueOk = y0.revenue >= p.minRevenue;
  b.condition(
    'revenue',
    revenueOk,
    explain && { name: `上年营业收入不低于 ${p.minRevenue / WAN} 万元`, detail: `${wan(y0.revenue)} 万元`, source: `${SOURCE} 附件2 二` },
  );
  if (explain && !revenueOk) b.need('revenue', `营业收入还差 ${wan(p.minRevenue - y0.revenue)} 万元即可达到 ${p.minRevenue / WAN} 万元`);
  mainShareCondition(b, p.minMainShare, explain && `${SOURCE} 附件2 二`);
  if (ctx.input.applicationType === 'new') {
    b.condition(
      'cagr',
      compoundGrowthAtLeast(y2.revenue, y0.revenue, p.minCagr),
      explain && {
        name: `近 2 年营业收入复合增长率不低于 ${p.minCagr}%`,
        detail: `${wan(y2.revenue)} → ${wan(y0.revenue)} 万元`,
        source: `${SOURCE} 附件2 二（复核不考察）`,
      },
    );
  }
  debtCondition(b, p.maxDebt, explain && `${SOURCE} 附件2 二`);
  const rd2y = y0.rdExpense + y1.rdExpense;
  b.condition(
    'rd',
    rd2y >= p.minRd2y && ratioAtLeast(y0.rdExpense, y0.revenue, p.minRdRatio) && ratioAtLeast(y1.rdExpense, y1.revenue, p.minRdRatio),
    explain && {
      name: `近 2 年研发费用合计不低于 ${p.minRd2y / WAN} 万元且每年不低于营业收入的 ${p.minRdRatio}%`,
      detail: `合计 ${wan(rd2y)} 万元`,
      source: `${SOURCE} 附件2 三`,
    },
  );
  if (explain && rd2y < p.minRd2y) b.need('rd', `近 2 年研发费用合计还差 ${wan(p.minRd2y - rd2y)} 万元`);
  const waiver = hasRecentAward(ctx, 3, 3, true);
  b.condition(
    'ip',
    e.ip.classI >= p.minClassI || waiver,
    explain && {
      name: `Ⅰ类知识产权 ${p.minClassI} 项以上（或近三年国家级科技奖励前三）`,
      detail: `${e.ip.classI} 项`,
      source: `${SOURCE} 附件2 四`,
    },
  );
  if (explain && e.ip.classI < p.minClassI && !waiver) b.need('ip', `Ⅰ类知识产权还需 ${p.minClassI - e.ip.classI} 项`);
  b.condition(
    'market',
    e.nicheMarketShare >= p.minNicheShare || (e.domesticRank !== null && e.domesticRank <= 3),
    explain && {
      name: `细分市场占有率 ${p.minNicheShare}% 以上或国内前三`,
      detail: `占有率 ${e.nicheMarketShare}%${e.domesticRank ? `，国内第 ${e.domesticRank}` : ''}`,
      source: `${SOURCE} 附件2 五`,
    },
  );
  b.review('lg2026.field', b.explain && `${SOURCE} 附件2 六`);
  developmentScoreCondition(b, p.minDevelopmentScore, LITTLE_GIANT_DEVELOPMENT_SOURCE);
  return b.finish(null);
}

/** 科技型中小企业 scoring (科技部), criteria.md §6d. R&D staff stand in for 科技人员. */
export const TECH_SME = {
  id: 'tech-sme',
  maxEmployees: 500,
  maxRevenue: 20_000 * WAN,
  maxAssets: 20_000 * WAN,
  passScore: 60,
  staffBands: [
    { percent: 30, points: 20 },
    { percent: 25, points: 16 },
    { percent: 20, points: 12 },
    { percent: 15, points: 8 },
    { percent: 10, points: 4 },
  ],
  rdBands: [
    { percent: 6, points: 50 },
    { percent: 5, points: 40 },
    { percent: 4, points: 30 },
    { percent: 3, points: 20 },
    { percent: 2, points: 10 },
  ],
};

const TECH_CATEGORIES: CategoryDef[] = [{ id: 'tech', name: '科技型中小企业评价', max: 100 }];
const TECH_SOURCE = '科技型中小企业评价办法';

/** The 科技型中小企业 score (shown as indicators when explaining) and whether the standard is met. */
function techSme(ctx: Context, b: ResultBuilder): { score: number | null; ok: boolean } {
  const { y0 } = ctx;
  const e = ctx.input.enterprise;
  if (!y0) return { score: null, ok: false };
  const explain = b.explain;
  const sizeOk = y0.employees <= TECH_SME.maxEmployees && y0.revenue <= TECH_SME.maxRevenue && y0.totalAssets <= TECH_SME.maxAssets;
  const staffBand = bandAtLeast(y0.rdStaff, y0.employees, TECH_SME.staffBands);
  const rdBand = bandAtLeast(y0.rdExpense, y0.revenue, TECH_SME.rdBands);
  const staff = pointsOf(TECH_SME.staffBands, staffBand);
  const rd = pointsOf(TECH_SME.rdBands, rdBand);
  const ip = e.ip.classI >= 1 ? 30 : [0, 6, 12, 18, 24][Math.min(4, e.ip.classII)];
  b.indicator(
    0,
    staff,
    explain && {
      id: 'tech.staff',
      name: '科技人员占职工总数比例',
      value: percentOf(y0.rdStaff, y0.employees),
      band: readingOf(TECH_SME.staffBands, staffBand).band,
      max: 20,
      source: TECH_SOURCE,
    },
  );
  b.indicator(
    0,
    rd,
    explain && {
      id: 'tech.rd',
      name: '研发费用占销售收入比例',
      value: percentOf(y0.rdExpense, y0.revenue),
      band: readingOf(TECH_SME.rdBands, rdBand).band,
      max: 50,
      source: TECH_SOURCE,
    },
  );
  b.indicator(
    0,
    ip,
    explain && {
      id: 'tech.ip',
      name: '知识产权',
      value: `Ⅰ类 ${e.ip.classI}，Ⅱ类 ${e.ip.classII}`,
      band: e.ip.classI >= 1 ? 'Ⅰ类' : `Ⅱ类 ${e.ip.classII} 项`,
      max: 30,
      source: TECH_SOURCE,
    },
  );
  const score = staff + rd + ip;
  const direct =
    e.qualifications.highTech || e.rdInstitution === 'provincial' || e.rdInstitution === 'national' || hasRecentAward(ctx, 5, 3, true);
  return { score, ok: sizeOk && (direct || (score >= TECH_SME.passScore && staff > 0)) };
}

export function evaluateBottomTier2026(ctx: Context, innovativeParameters = INNOVATIVE_2022, explain = true): TierResult {
  const innovative = evaluateInnovative2022(ctx, innovativeParameters, explain);
  const b = new ResultBuilder(ctx, 'innovative', 'bottom-2026', explain, TECH_CATEGORIES);
  const tech = techSme(ctx, b);
  const innovativeOk = innovative.outcome === 'qualified';
  const sme = ctx.y0 !== undefined && ctx.sizeClass !== 'large';
  b.condition('sme', sme, false);
  if (explain) b.conditions.push(...innovative.conditions.filter((c) => c.id === 'sme'));
  b.condition(
    'standard',
    innovativeOk || tech.ok,
    explain && {
      name: '符合创新型中小企业评价标准或科技型中小企业评价标准',
      detail: `创新型评价 ${innovative.score ?? '—'} 分（${innovativeOk ? '符合' : '不符合'}）；科技型评价 ${tech.score ?? '—'} 分（${tech.ok ? '符合' : '不符合'}）`,
      source: `${SOURCE} 第二章`,
    },
  );
  if (explain) {
    b.indicators.unshift(...innovative.indicators);
    if (!innovativeOk && !tech.ok) b.missing.push(...innovative.missing);
  }
  const result = b.finish(innovative.score, innovative.categories);
  // Which standard was met, and with what score: the score above is the 创新型 one only.
  if (explain)
    result.paths = [
      { name: '创新型评价', score: innovative.score, met: innovativeOk },
      { name: '科技型评价', score: tech.score, met: tech.ok },
    ];
  return result;
}
