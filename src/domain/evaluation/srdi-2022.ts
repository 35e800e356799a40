// 专精特新中小企业认定标准 (工信部企业〔2022〕63号 附件2), criteria.md §2 and Decision 5
// (Chongqing's 15-point 特色化 block is an assessed input, `featuredScore`).
import { numeratorFor } from './bands.js';
import { bandIndicator, ResultBuilder, smeCondition } from './builder.js';
import { type Context, recentAwards, recentEquity, wan } from './context.js';
import { meanGrowthAtLeast, percentOf, ratioAtLeast } from './exact.js';
import { noData } from './innovative-2022.js';
import type { TierResult } from './types.js';

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

export function evaluateSrdi2022(ctx: Context, p = SRDI_2022): TierResult {
  const b = new ResultBuilder(ctx, 'srdi', p.id);
  const e = ctx.input.enterprise;
  const { y0, y1, y2, priorYear } = ctx;
  smeCondition(b);
  b.condition(
    'innovativeSme',
    '有效期内的创新型中小企业',
    e.qualifications.innovativeSme,
    e.qualifications.innovativeSme ? '是' : '否：须先取得创新型中小企业称号',
    '渝经信规范〔2023〕5号',
  );

  // Conditions 1–3.
  b.condition(
    'niche',
    `从事特定细分市场 ${p.minNicheYears} 年以上`,
    e.yearsInNiche >= p.minNicheYears,
    `${e.yearsInNiche} 年`,
    `${SOURCE} 一`,
  );
  if (e.yearsInNiche < p.minNicheYears) b.need('niche', `从事细分市场还需 ${p.minNicheYears - e.yearsInNiche} 年`);
  if (y0) {
    const rdOk = y0.rdExpense >= p.minRdExpense && ratioAtLeast(y0.rdExpense, y0.revenue, p.minRdRatio);
    b.condition(
      'rd',
      `${priorYear} 年研发费用不低于 ${p.minRdExpense / WAN} 万元且不低于营业收入的 ${p.minRdRatio}%`,
      rdOk,
      `${wan(y0.rdExpense)} 万元，占 ${percentOf(y0.rdExpense, y0.revenue)}%`,
      `${SOURCE} 二`,
    );
    if (!rdOk) {
      const needed = Math.max(p.minRdExpense, numeratorFor(y0.revenue, p.minRdRatio)) - y0.rdExpense;
      b.need('rd', `研发费用还差 ${wan(needed)} 万元即可达到 ${p.minRdExpense / WAN} 万元且不低于营业收入的 ${p.minRdRatio}%`);
    }
    const equity2y = recentEquity(ctx, 2);
    const scaleOk = y0.revenue >= p.minRevenue || (equity2y !== null && equity2y >= p.altEquity2y);
    b.condition(
      'scale',
      `${priorYear} 年营业收入不低于 ${p.minRevenue / WAN} 万元（或近 2 年新增股权融资不低于 ${p.altEquity2y / WAN} 万元）`,
      scaleOk,
      `营业收入 ${wan(y0.revenue)} 万元${equity2y !== null ? `，近 2 年股权融资 ${wan(equity2y)} 万元` : ''}`,
      `${SOURCE} 三`,
    );
    if (!scaleOk) b.need('scale', `营业收入还差 ${wan(p.minRevenue - y0.revenue)} 万元即可达到 ${p.minRevenue / WAN} 万元`);
  } else {
    b.condition('rd', '研发费用条件', false, `缺少 ${priorYear} 年度数据`, `${SOURCE} 二`);
    b.need('years', `请填写 ${priorYear} 年度数据`);
  }

  // 专业化 (25)
  bandIndicator(b, {
    id: 'mainShare',
    name: '主营业务收入占营业收入比重',
    category: 'specialisation',
    max: 5,
    source: `${SOURCE} 评分(1)`,
    ratio: y0 && [y0.mainRevenue, y0.revenue],
    bands: p.mainShareBands,
  });
  if (y0 && y1 && y2) {
    const points =
      p.mainGrowthBands.find((band) => meanGrowthAtLeast(y2.mainRevenue, y1.mainRevenue, y0.mainRevenue, band.percent))?.points ?? 0;
    const g1 = percentOf(y1.mainRevenue - y2.mainRevenue, y2.mainRevenue);
    const g2 = percentOf(y0.mainRevenue - y1.mainRevenue, y1.mainRevenue);
    const mean = g1 !== null && g2 !== null ? Math.round(((g1 + g2) / 2) * 100) / 100 : null;
    b.indicator({
      id: 'mainGrowth',
      name: '近 2 年主营业务收入平均增长率',
      category: 'specialisation',
      value: mean,
      band: bandLabel(p.mainGrowthBands, points),
      points,
      max: 10,
      source: `${SOURCE} 评分(2)`,
    });
  } else noData(b, 'mainGrowth', '近 2 年主营业务收入平均增长率', 'specialisation', 10, `${SOURCE} 评分(2)`, priorYear - 2);
  const nichePoints = Math.min(5, Math.floor(e.yearsInNiche / 2));
  b.indicator({
    id: 'nicheYears',
    name: '从事细分市场年限',
    category: 'specialisation',
    value: e.yearsInNiche,
    band: `每满 2 年 1 分`,
    points: nichePoints,
    max: 5,
    source: `${SOURCE} 评分(3)`,
  });
  const fieldPoints = e.srdiField === 'key_chain' ? 5 : e.srdiField === 'six_basics' ? 3 : 0;
  b.indicator({
    id: 'productField',
    name: '主导产品所属领域',
    category: 'specialisation',
    value: e.srdiField,
    band: { key_chain: '关键领域补短板/锻长板/填空白', six_basics: '工业"六基"、老字号或链主配套', none: '不属于' }[e.srdiField],
    points: fieldPoints,
    max: 5,
    source: `${SOURCE} 评分(4)`,
  });

  // 精细化 (25)
  const digital = e.digitalLevel >= 3 ? 5 : e.digitalLevel === 2 ? 3 : 0;
  b.indicator({
    id: 'digital',
    name: '数字化水平',
    category: 'refinement',
    value: e.digitalLevel,
    band: `${e.digitalLevel} 级`,
    points: digital,
    max: 5,
    source: `${SOURCE} 评分(5)`,
  });
  if (digital < 5) b.need('digital', `数字化水平达到三级以上可得 5 分（现为 ${e.digitalLevel} 级）`);
  const q = e.quality;
  const qualityItems = [q.provincialAward, q.managementCertified, q.ownBrand, q.standards].filter(Boolean).length;
  b.indicator({
    id: 'quality',
    name: '质量管理水平',
    category: 'refinement',
    value: qualityItems,
    band: `${qualityItems} 项`,
    points: Math.min(5, qualityItems * 3),
    max: 5,
    source: `${SOURCE} 评分(6)`,
  });
  bandIndicator(b, {
    id: 'netMargin',
    name: '净利润率',
    category: 'refinement',
    max: 10,
    source: `${SOURCE} 评分(7)`,
    ratio: y0 && [y0.netProfit, y0.revenue],
    bands: p.marginBands,
  });
  bandIndicator(b, {
    id: 'debtRatio',
    name: '资产负债率',
    category: 'refinement',
    max: 5,
    source: `${SOURCE} 评分(8)`,
    ratio: y0 && [y0.totalLiabilities, y0.totalAssets],
    bands: p.debtBands,
    lowerIsBetter: true,
  });

  // 特色化 (15): the local block, as assessed.
  const featured = Math.max(0, Math.min(15, Math.round(e.featuredScore)));
  b.indicator({
    id: 'featured',
    name: '特色化指标（重庆市）',
    category: 'featured',
    value: e.featuredScore,
    band: '按重庆市特色化指标评定',
    points: featured,
    max: 15,
    source: '渝经信规范〔2023〕5号 附件（特色化指标，区县评定）',
  });

  // 创新能力 (35)
  const ip = e.ip;
  const ipPoints = ip.classIHighValue >= 1 ? 10 : ip.classISelfDeveloped >= 1 ? 8 : ip.classI >= 1 ? 6 : ip.classII >= 1 ? 2 : 0;
  b.indicator({
    id: 'ip',
    name: '与主导产品相关的有效知识产权',
    category: 'innovation',
    value: `Ⅰ类 ${ip.classI}，Ⅱ类 ${ip.classII}`,
    band: ['无', 'Ⅱ类', 'Ⅰ类', '自主研发Ⅰ类', 'Ⅰ类高价值'][[0, 2, 6, 8, 10].indexOf(ipPoints)],
    points: ipPoints,
    max: 10,
    source: `${SOURCE} 评分(12)`,
  });
  if (ip.classI === 0) b.need('ip', 'Ⅰ类知识产权还需 1 项（得 6 分）');
  if (y0) {
    const lowest = p.rdInputBands[p.rdInputBands.length - 1];
    const band = p.rdInputBands.find((r) => y0.rdExpense >= r.amount || ratioAtLeast(y0.rdExpense, y0.revenue, r.percent));
    b.indicator({
      id: 'rdInput',
      name: '研发投入（金额或占比取高）',
      category: 'innovation',
      value: `${wan(y0.rdExpense)} 万元 / ${percentOf(y0.rdExpense, y0.revenue)}%`,
      band: band ? `≥${wan(band.amount)}万元或≥${band.percent}%` : `<${wan(lowest.amount)}万元且<${lowest.percent}%`,
      points: band?.points ?? 0,
      max: 10,
      source: `${SOURCE} 评分(13)`,
    });
  } else {
    noData(b, 'rdInput', '研发投入', 'innovation', 10, `${SOURCE} 评分(13)`, priorYear);
  }
  bandIndicator(b, {
    id: 'rdStaff',
    name: '研发人员占从业人员比重',
    category: 'innovation',
    max: 5,
    source: `${SOURCE} 评分(14)`,
    ratio: y0 && [y0.rdStaff, y0.employees],
    bands: p.rdStaffBands,
  });
  const inst = p.rdInstitutionPoints[e.rdInstitution];
  b.indicator({
    id: 'rdInstitution',
    name: '自建或与高校、科研机构联合建立研发机构',
    category: 'innovation',
    value: e.rdInstitution,
    band: e.rdInstitution,
    points: inst,
    max: 10,
    source: `${SOURCE} 评分(15)`,
  });

  const categories = b.categories([
    { id: 'specialisation', name: '专业化', max: 25 },
    { id: 'refinement', name: '精细化', max: 25 },
    { id: 'featured', name: '特色化', max: 15 },
    { id: 'innovation', name: '创新能力', max: 35 },
  ]);
  const score = categories.reduce((s, c) => s + c.score, 0);

  // Condition 4: the score, or one of the direct paths.
  const awards = recentAwards(ctx, 3);
  const avgRd = y0 && y1 ? (y0.rdExpense + y1.rdExpense) / 2 : 0;
  const equity2y = recentEquity(ctx, 2) ?? 0;
  const maker = e.makerContest;
  const direct = [
    awards.some((a) => (a.level === 'provincial' && a.rank <= 3) || (a.level === 'national' && a.rank <= 5)) &&
      '近三年获省级科技奖励（前三）或国家级科技奖励（前五）',
    avgRd >= p.direct.avgRd2y && `近两年研发费用平均 ${wan(avgRd)} 万元（≥${p.direct.avgRd2y / WAN} 万元）`,
    equity2y >= p.direct.equity2y && `近两年新增股权融资 ${wan(equity2y)} 万元（≥${wan(p.direct.equity2y)} 万元）`,
    maker &&
      maker.level === 'national' &&
      maker.rank <= p.direct.makerTop &&
      maker.year > ctx.assessmentYear - 4 &&
      '近三年进入"创客中国"全国 500 强企业名单',
  ].filter(Boolean) as string[];
  if (direct.length)
    b.condition('pass', `评价得分 ${p.passScore} 分以上或符合直通条件`, true, `符合直通条件：${direct.join('；')}`, `${SOURCE} 四`);
  else {
    b.condition(
      'pass',
      `评价得分 ${p.passScore} 分以上或符合直通条件`,
      score >= p.passScore,
      `评价得分 ${score} 分（需 ≥${p.passScore}）`,
      `${SOURCE} 四`,
    );
    if (score < p.passScore) b.need('score', `评价得分还差 ${p.passScore - score} 分`);
  }
  return b.finish(score, categories);
}

function bandLabel(bands: { percent: number; points: number }[], points: number): string {
  const band = bands.find((x) => x.points === points);
  return band ? `≥${band.percent}%` : `<${bands[bands.length - 1].percent}%`;
}
