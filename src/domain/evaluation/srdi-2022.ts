// 专精特新中小企业认定标准 (工信部企业〔2022〕63号 附件2), criteria.md §2 and Decision 5
// (Chongqing's 15-point 特色化 block is an assessed input, `featuredScore`).
import { RD_INSTITUTION_LABELS } from '../labels.js';
import { numeratorFor, pointsOf, readingOf } from './bands.js';
import { bandIndicator, type CategoryDef, ResultBuilder, smeCondition } from './builder.js';
import { type Context, hasRecentAward, percentText, recentEquity, wan } from './context.js';
import { meanGrowthAtLeast, percentOf, ratioAtLeast } from './exact.js';
import { noData } from './innovative-2022.js';
import type { RdInstitution, TierResult } from './types.js';

const SOURCE = '工信部企业〔2022〕63号 附件2';
const WAN = 10_000;

export const SRDI_2022 = {
  id: 'srdi-2022',
  effectiveFrom: '2022-06-01',
  passScore: 60,
  minNicheYears: 2,
  minRdExpense: 100 * WAN,
  minRdRatio: 3,
  minRevenue: 1000 * WAN,
  altEquity2y: 2000 * WAN,
  direct: { avgRd2y: 1000 * WAN, equity2y: 6000 * WAN, makerTop: 500 },
  mainShareBands: [
    { percent: 80, points: 5 },
    { percent: 70, points: 3 },
    { percent: 60, points: 1 },
  ],
  mainGrowthBands: [
    { percent: 10, points: 10 },
    { percent: 8, points: 8 },
    { percent: 6, points: 6 },
    { percent: 4, points: 4 },
    { percent: 0, points: 2 },
  ],
  marginBands: [
    { percent: 10, points: 10 },
    { percent: 8, points: 8 },
    { percent: 6, points: 6 },
    { percent: 4, points: 4 },
    { percent: 2, points: 2 },
  ],
  debtBands: [
    { percent: 50, points: 5 },
    { percent: 60, points: 3 },
    { percent: 70, points: 1 },
  ],
  /** R&D input: either the amount or the ratio reaches the band; the better reading counts. */
  rdInputBands: [
    { amount: 500 * WAN, percent: 10, points: 10 },
    { amount: 400 * WAN, percent: 8, points: 8 },
    { amount: 300 * WAN, percent: 6, points: 6 },
    { amount: 200 * WAN, percent: 4, points: 4 },
    { amount: 100 * WAN, percent: 3, points: 2 },
  ],
  rdStaffBands: [
    { percent: 20, points: 5 },
    { percent: 10, points: 3 },
    { percent: 5, points: 1 },
  ],
  rdInstitutionPoints: { national: 10, provincial: 8, municipal: 4, below_municipal: 2, none: 0 },
};

const CATEGORIES: CategoryDef[] = [
  { id: 'specialisation', name: '专业化', max: 25 },
  { id: 'refinement', name: '精细化', max: 25 },
  { id: 'featured', name: '特色化', max: 15 },
  { id: 'innovation', name: '创新能力', max: 35 },
];
const SPECIALISATION = 0;
const REFINEMENT = 1;
const FEATURED = 2;
const INNOVATION = 3;
const IP_BANDS = ['无', 'Ⅱ类', 'Ⅰ类', '自主研发Ⅰ类', 'Ⅰ类高价值'];
const IP_POINTS = [0, 2, 6, 8, 10];
const FIELD_LABELS = { key_chain: '关键领域补短板/锻长板/填空白', six_basics: '工业“六基”、老字号或链主配套', none: '不属于' };

export function evaluateSrdi2022(ctx: Context, p = SRDI_2022, explain = true): TierResult {
  const b = new ResultBuilder(ctx, 'srdi', p.id, explain, CATEGORIES);
  // One function per part of the table: easier to read against the document, and each small
  // enough for V8 to inline the indicator helpers into it.
  entryConditions(b, p);
  specialisation(b, p);
  refinementAndFeatured(b, p);
  innovation(b, p);
  return passCondition(b, p);
}

type Parameters = typeof SRDI_2022;

/** SME, 创新型中小企业, and conditions 1–3 (niche years, R&D, scale). */
function entryConditions(b: ResultBuilder, p: Parameters): void {
  const { ctx, explain } = b;
  const e = ctx.input.enterprise;
  const { y0, priorYear } = ctx;
  smeCondition(b);
  const innovativeSme = e.qualifications.innovativeSme;
  b.condition(
    'innovativeSme',
    innovativeSme,
    explain && {
      name: '有效期内的创新型中小企业',
      detail: innovativeSme ? '是' : '否：须先取得创新型中小企业称号',
      source: '渝经信规范〔2023〕5号',
    },
  );

  // Conditions 1–3.
  const nicheOk = e.yearsInNiche >= p.minNicheYears;
  b.condition(
    'niche',
    nicheOk,
    explain && { name: `从事特定细分市场 ${p.minNicheYears} 年以上`, detail: `${e.yearsInNiche} 年`, source: `${SOURCE} 一` },
  );
  if (explain && !nicheOk) b.need('niche', `从事细分市场还需 ${p.minNicheYears - e.yearsInNiche} 年`);
  if (y0) {
    const rdOk = y0.rdExpense >= p.minRdExpense && ratioAtLeast(y0.rdExpense, y0.revenue, p.minRdRatio);
    b.condition(
      'rd',
      rdOk,
      explain && {
        name: `${priorYear} 年研发费用不低于 ${p.minRdExpense / WAN} 万元且不低于营业收入的 ${p.minRdRatio}%`,
        detail: `${wan(y0.rdExpense)} 万元，占 ${percentText(y0.rdExpense, y0.revenue)}%`,
        source: `${SOURCE} 二`,
      },
    );
    if (explain && !rdOk) {
      const needed = Math.max(p.minRdExpense, numeratorFor(y0.revenue, p.minRdRatio)) - y0.rdExpense;
      b.need('rd', `研发费用还差 ${wan(needed)} 万元即可达到 ${p.minRdExpense / WAN} 万元且不低于营业收入的 ${p.minRdRatio}%`);
    }
    const equity2y = recentEquity(ctx, 2);
    const scaleOk = y0.revenue >= p.minRevenue || (equity2y !== null && equity2y >= p.altEquity2y);
    b.condition(
      'scale',
      scaleOk,
      explain && {
        name: `${priorYear} 年营业收入不低于 ${p.minRevenue / WAN} 万元（或近 2 年新增股权融资不低于 ${p.altEquity2y / WAN} 万元）`,
        detail: `营业收入 ${wan(y0.revenue)} 万元${equity2y !== null ? `，近 2 年股权融资 ${wan(equity2y)} 万元` : ''}`,
        source: `${SOURCE} 三`,
      },
    );
    if (explain && !scaleOk) b.need('scale', `营业收入还差 ${wan(p.minRevenue - y0.revenue)} 万元即可达到 ${p.minRevenue / WAN} 万元`);
  } else {
    b.condition('rd', false, explain && { name: '研发费用条件', detail: `缺少 ${priorYear} 年度数据`, source: `${SOURCE} 二` });
    if (explain) b.need('years', `请填写 ${priorYear} 年度数据`);
  }
}

/** 专业化 (25 points). */
function specialisation(b: ResultBuilder, p: Parameters): void {
  const { ctx, explain } = b;
  const e = ctx.input.enterprise;
  const { y0, y1, y2, priorYear } = ctx;
  // 专业化 (25)
  bandIndicator(
    b,
    SPECIALISATION,
    y0?.mainRevenue,
    y0?.revenue,
    p.mainShareBands,
    explain && { id: 'mainShare', name: '主营业务收入占营业收入比重', max: 5, source: `${SOURCE} 评分(1)` },
  );
  if (y0 && y1 && y2) {
    const bands = p.mainGrowthBands;
    let i = 0;
    while (i < bands.length && !meanGrowthAtLeast(y2.mainRevenue, y1.mainRevenue, y0.mainRevenue, bands[i].percent)) i++;
    const points = pointsOf(bands, i);
    let mean: number | null = null;
    if (explain) {
      const g1 = percentOf(y1.mainRevenue - y2.mainRevenue, y2.mainRevenue);
      const g2 = percentOf(y0.mainRevenue - y1.mainRevenue, y1.mainRevenue);
      mean = g1 !== null && g2 !== null ? Math.round(((g1 + g2) / 2) * 100) / 100 : null;
    }
    b.indicator(
      SPECIALISATION,
      points,
      explain && {
        id: 'mainGrowth',
        name: '近 2 年主营业务收入平均增长率',
        value: mean,
        band: readingOf(bands, i).band,
        max: 10,
        source: `${SOURCE} 评分(2)`,
      },
    );
  } else
    noData(
      b,
      SPECIALISATION,
      explain && { id: 'mainGrowth', name: '近 2 年主营业务收入平均增长率', max: 10, source: `${SOURCE} 评分(2)`, year: priorYear - 2 },
    );
  b.indicator(
    SPECIALISATION,
    Math.min(5, Math.floor(e.yearsInNiche / 2)),
    explain && {
      id: 'nicheYears',
      name: '从事细分市场年限',
      value: e.yearsInNiche,
      band: '每满 2 年 1 分',
      max: 5,
      source: `${SOURCE} 评分(3)`,
    },
  );
  b.indicator(
    SPECIALISATION,
    e.srdiField === 'key_chain' ? 5 : e.srdiField === 'six_basics' ? 3 : 0,
    explain && {
      id: 'productField',
      name: '主导产品所属领域',
      value: FIELD_LABELS[e.srdiField],
      band: FIELD_LABELS[e.srdiField],
      max: 5,
      source: `${SOURCE} 评分(4)`,
    },
  );
}

/** 精细化 (25) and 特色化 (15). */
function refinementAndFeatured(b: ResultBuilder, p: Parameters): void {
  const { ctx, explain } = b;
  const e = ctx.input.enterprise;
  const { y0 } = ctx;
  // 精细化 (25)
  const digital = e.digitalLevel >= 3 ? 5 : e.digitalLevel === 2 ? 3 : 0;
  b.indicator(
    REFINEMENT,
    digital,
    explain && {
      id: 'digital',
      name: '数字化水平',
      value: e.digitalLevel,
      band: `${e.digitalLevel} 级`,
      max: 5,
      source: `${SOURCE} 评分(5)`,
    },
  );
  if (explain && digital < 5) b.need('digital', `数字化水平达到三级以上可得 5 分（现为 ${e.digitalLevel} 级）`);
  const q = e.quality;
  const qualityItems = (q.provincialAward ? 1 : 0) + (q.managementCertified ? 1 : 0) + (q.ownBrand ? 1 : 0) + (q.standards ? 1 : 0);
  b.indicator(
    REFINEMENT,
    Math.min(5, qualityItems * 3),
    explain && {
      id: 'quality',
      name: '质量管理水平',
      value: qualityItems,
      band: `${qualityItems} 项`,
      max: 5,
      source: `${SOURCE} 评分(6)`,
    },
  );
  bandIndicator(
    b,
    REFINEMENT,
    y0?.netProfit,
    y0?.revenue,
    p.marginBands,
    explain && { id: 'netMargin', name: '净利润率', max: 10, source: `${SOURCE} 评分(7)` },
  );
  bandIndicator(
    b,
    REFINEMENT,
    y0?.totalLiabilities,
    y0?.totalAssets,
    p.debtBands,
    explain && { id: 'debtRatio', name: '资产负债率', max: 5, source: `${SOURCE} 评分(8)` },
    true,
  );

  // 特色化 (15): the local block, as assessed.
  b.indicator(
    FEATURED,
    Math.max(0, Math.min(15, Math.round(e.featuredScore))),
    explain && {
      id: 'featured',
      name: '特色化指标（重庆市）',
      value: e.featuredScore,
      band: '按重庆市特色化指标评定',
      max: 15,
      source: '渝经信规范〔2023〕5号 附件（特色化指标，区县评定）',
    },
  );
}

/** 创新能力 (35). */
function innovation(b: ResultBuilder, p: Parameters): void {
  const { ctx, explain } = b;
  const e = ctx.input.enterprise;
  const { y0, priorYear } = ctx;
  // 创新能力 (35)
  const ip = e.ip;
  const ipLevel = ip.classIHighValue >= 1 ? 4 : ip.classISelfDeveloped >= 1 ? 3 : ip.classI >= 1 ? 2 : ip.classII >= 1 ? 1 : 0;
  b.indicator(
    INNOVATION,
    IP_POINTS[ipLevel],
    explain && {
      id: 'ip',
      name: '与主导产品相关的有效知识产权',
      value: `Ⅰ类 ${ip.classI}，Ⅱ类 ${ip.classII}`,
      band: IP_BANDS[ipLevel],
      max: 10,
      source: `${SOURCE} 评分(12)`,
    },
  );
  if (explain && ip.classI === 0) b.need('ip', 'Ⅰ类知识产权还需 1 项（得 6 分）');
  if (y0) {
    const bands = p.rdInputBands;
    let i = 0;
    while (i < bands.length && y0.rdExpense < bands[i].amount && !ratioAtLeast(y0.rdExpense, y0.revenue, bands[i].percent)) i++;
    const band = bands[i];
    const lowest = bands[bands.length - 1];
    b.indicator(
      INNOVATION,
      band?.points ?? 0,
      explain && {
        id: 'rdInput',
        name: '研发投入（金额或占比取高）',
        value: `${wan(y0.rdExpense)} 万元 / ${percentText(y0.rdExpense, y0.revenue)}%`,
        band: band ? `≥${wan(band.amount)}万元或≥${band.percent}%` : `<${wan(lowest.amount)}万元且<${lowest.percent}%`,
        max: 10,
        source: `${SOURCE} 评分(13)`,
      },
    );
  } else noData(b, INNOVATION, explain && { id: 'rdInput', name: '研发投入', max: 10, source: `${SOURCE} 评分(13)`, year: priorYear });
  bandIndicator(
    b,
    INNOVATION,
    y0?.rdStaff,
    y0?.employees,
    p.rdStaffBands,
    explain && { id: 'rdStaff', name: '研发人员占从业人员比重', max: 5, source: `${SOURCE} 评分(14)` },
  );
  b.indicator(
    INNOVATION,
    institutionPoints(p.rdInstitutionPoints, e.rdInstitution),
    explain && {
      id: 'rdInstitution',
      name: '自建或与高校、科研机构联合建立研发机构',
      value: RD_INSTITUTION_LABELS[e.rdInstitution],
      band: RD_INSTITUTION_LABELS[e.rdInstitution],
      max: 10,
      source: `${SOURCE} 评分(15)`,
    },
  );
}

/** Condition 4: the score, or one of the direct paths. */
function passCondition(b: ResultBuilder, p: Parameters): TierResult {
  const { ctx, explain } = b;
  const e = ctx.input.enterprise;
  const { y0, y1 } = ctx;
  const score = b.score;
  const categories = b.categories();
  const award = hasRecentAward(ctx, 3, 3) || hasRecentAward(ctx, 3, 5, true);
  const avgRd = y0 && y1 ? (y0.rdExpense + y1.rdExpense) / 2 : 0;
  const equity2y = recentEquity(ctx, 2) ?? 0;
  const maker = e.makerContest;
  const makerOk = maker !== null && maker.level === 'national' && maker.rank <= p.direct.makerTop && maker.year > ctx.assessmentYear - 4;
  const rdOk = avgRd >= p.direct.avgRd2y;
  const equityOk = equity2y >= p.direct.equity2y;
  const direct = award || rdOk || equityOk || makerOk;
  const passName = explain && `评价得分 ${p.passScore} 分以上或符合直通条件`;
  if (!explain) b.condition('pass', direct || score >= p.passScore, false);
  else if (direct) {
    const paths = [
      award && '近三年获省级科技奖励（前三）或国家级科技奖励（前五）',
      rdOk && `近两年研发费用平均 ${wan(avgRd)} 万元（≥${p.direct.avgRd2y / WAN} 万元）`,
      equityOk && `近两年新增股权融资 ${wan(equity2y)} 万元（≥${wan(p.direct.equity2y)} 万元）`,
      makerOk && `近三年进入“创客中国”全国 ${p.direct.makerTop} 强企业名单`,
    ].filter(Boolean);
    b.condition('pass', true, { name: passName || '', detail: `符合直通条件：${paths.join('；')}`, source: `${SOURCE} 四` });
  } else {
    b.condition('pass', score >= p.passScore, {
      name: passName || '',
      detail: `评价得分 ${score} 分（需 ≥${p.passScore}）`,
      source: `${SOURCE} 四`,
    });
    if (score < p.passScore) b.need('score', `评价得分还差 ${p.passScore - score} 分`);
  }
  const result = b.finish(score, categories);
  // The two ways through condition 4, for "符合（直通条件）" rather than a score below the line.
  if (explain)
    result.paths = [
      { name: '评价得分', score, met: score >= p.passScore },
      { name: '直通条件', score: null, met: direct },
    ];
  return result;
}

/** The points of a research institution level (a switch: a keyed lookup by a varying string costs more here). */
function institutionPoints(points: Record<RdInstitution, number>, level: RdInstitution): number {
  switch (level) {
    case 'national':
      return points.national;
    case 'provincial':
      return points.provincial;
    case 'municipal':
      return points.municipal;
    case 'below_municipal':
      return points.below_municipal;
    default:
      return points.none;
  }
}
