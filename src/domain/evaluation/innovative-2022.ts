// 创新型中小企业评价标准 (工信部企业〔2022〕63号 附件1), criteria.md §1.
import { numeratorFor } from './bands.js';
import { bandIndicator, ResultBuilder, smeCondition } from './builder.js';
import { type Context, recentAwards, recentEquity, wan } from './context.js';
import type { TierResult } from './types.js';

const SOURCE = '工信部企业〔2022〕63号 附件1';

export const INNOVATIVE_2022 = {
  id: 'innovative-2022',
  effectiveFrom: '2022-06-01',
  passScore: 60,
  categoryMinimums: { innovation: 20, growth: 15, specialisation: 15 },
  rdRatioBands: [
    { percent: 5, points: 20 },
    { percent: 3, points: 15 },
    { percent: 2, points: 10 },
    { percent: 1, points: 5 },
  ],
  mainGrowthBands: [
    { percent: 15, points: 20 },
    { percent: 10, points: 15 },
    { percent: 5, points: 10 },
    { percent: 0, points: 5 },
  ],
  debtBands: [
    { percent: 55, points: 10 },
    { percent: 75, points: 5 },
  ],
  mainShareBands: [
    { percent: 70, points: 20 },
    { percent: 60, points: 15 },
    { percent: 55, points: 10 },
    { percent: 50, points: 5 },
  ],
  /** Direct path: new qualified-investor equity in the last 3 years, yuan. */
  directEquity: 5_000_000,
};

export function evaluateInnovative2022(ctx: Context, p = INNOVATIVE_2022): TierResult {
  const b = new ResultBuilder(ctx, 'innovative', p.id);
  const { enterprise: e } = ctx.input;
  const { y0, y1, priorYear } = ctx;
  smeCondition(b);

  // 创新能力
  const ip = e.ip;
  const ipPoints = ip.classIHighValue >= 1 ? 20 : ip.classISelfDeveloped >= 1 ? 15 : ip.classI >= 1 ? 10 : ip.classII >= 1 ? 5 : 0;
  b.indicator({
    id: 'ip',
    name: '与主导产品相关的有效知识产权',
    category: 'innovation',
    value: `Ⅰ类 ${ip.classI}（高价值 ${ip.classIHighValue}，自主研发 ${ip.classISelfDeveloped}），Ⅱ类 ${ip.classII}`,
    band: ['无', 'Ⅱ类', 'Ⅰ类', '自主研发Ⅰ类', 'Ⅰ类高价值'][[0, 5, 10, 15, 20].indexOf(ipPoints)],
    points: ipPoints,
    max: 20,
    source: `${SOURCE} 一(1)`,
  });
  if (ip.classI === 0) b.need('ip', 'Ⅰ类知识产权还需 1 项（得 10 分）');
  bandIndicator(b, {
    id: 'rdRatio',
    name: `${priorYear} 年研发费用占营业收入比重`,
    category: 'innovation',
    max: 20,
    source: `${SOURCE} 一(2)`,
    ratio: y0 && [y0.rdExpense, y0.revenue],
    bands: p.rdRatioBands,
    need:
      y0 &&
      ((next) =>
        `研发费用还差 ${wan(numeratorFor(y0.revenue, next.percent) - y0.rdExpense)} 万元即可达到营业收入的 ${next.percent}%（得 ${next.points} 分）`),
  });

  // 成长性
  bandIndicator(b, {
    id: 'mainGrowth',
    name: `${priorYear} 年主营业务收入增长率`,
    category: 'growth',
    max: 20,
    source: `${SOURCE} 二(3)`,
    ratio: y0 && y1 && [y0.mainRevenue - y1.mainRevenue, y1.mainRevenue],
    bands: p.mainGrowthBands,
    need:
      y0 &&
      y1 &&
      ((next) =>
        `主营业务收入还需增加 ${wan(y1.mainRevenue + numeratorFor(y1.mainRevenue, next.percent) - y0.mainRevenue)} 万元即可达到增长 ${next.percent}%（得 ${next.points} 分）`),
    missingYear: y0 ? priorYear - 1 : priorYear,
  });
  bandIndicator(b, {
    id: 'debtRatio',
    name: `${priorYear} 年末资产负债率`,
    category: 'growth',
    max: 10,
    source: `${SOURCE} 二(4)`,
    ratio: y0 && [y0.totalLiabilities, y0.totalAssets],
    bands: p.debtBands,
    lowerIsBetter: true,
    need:
      y0 &&
      ((next) =>
        `负债还需减少 ${wan(y0.totalLiabilities - Math.floor((y0.totalAssets * next.percent) / 100))} 万元即可使资产负债率不高于 ${next.percent}%（得 ${next.points} 分）`),
  });

  // 专业化
  const field = e.mainProductField === 'strategic_emerging' ? 10 : 5;
  b.indicator({
    id: 'productField',
    name: '主导产品所属领域',
    category: 'specialisation',
    value: field === 10 ? '属于战略性新兴产业' : '其他',
    band: field === 10 ? '战略性新兴产业' : '其他',
    points: field,
    max: 10,
    source: `${SOURCE} 三(5)`,
  });
  bandIndicator(b, {
    id: 'mainShare',
    name: `${priorYear} 年主营业务收入占营业收入比重`,
    category: 'specialisation',
    max: 20,
    source: `${SOURCE} 三(6)`,
    ratio: y0 && [y0.mainRevenue, y0.revenue],
    bands: p.mainShareBands,
    need:
      y0 &&
      ((next) =>
        `主营业务收入还差 ${wan(numeratorFor(y0.revenue, next.percent) - y0.mainRevenue)} 万元即可达到营业收入的 ${next.percent}%（得 ${next.points} 分）`),
  });

  const categories = b.categories([
    { id: 'innovation', name: '创新能力', max: 40, minimum: p.categoryMinimums.innovation },
    { id: 'growth', name: '成长性', max: 30, minimum: p.categoryMinimums.growth },
    { id: 'specialisation', name: '专业化', max: 30, minimum: p.categoryMinimums.specialisation },
  ]);
  const score = categories.reduce((s, c) => s + c.score, 0);

  // Direct path: any one of four.
  const award = recentAwards(ctx, 3).some((a) => a.level === 'national' || a.level === 'provincial');
  const equity = recentEquity(ctx, 3);
  const direct = [
    award && '近三年获得国家级或省级科技奖励',
    e.qualifications.highTech && '有效期内的高新技术企业',
    (e.rdInstitution === 'provincial' || e.rdInstitution === 'national') && '拥有省部级以上研发机构',
    equity !== null && equity >= p.directEquity && `近三年新增股权融资 ${wan(equity)} 万元（≥${wan(p.directEquity)} 万元）`,
  ].filter(Boolean) as string[];
  const scorePass = score >= p.passScore && categories.every((c) => c.minimum === undefined || c.score >= c.minimum);
  if (direct.length) b.condition('pass', '评价得分或直通条件', true, `符合直通条件：${direct.join('；')}`, `${SOURCE} 直通条件`);
  else {
    const weak = categories
      .filter((c) => c.minimum !== undefined && c.score < c.minimum)
      .map((c) => `${c.name} ${c.score} 分（需 ≥${c.minimum}）`);
    b.condition(
      'pass',
      '评价得分或直通条件',
      scorePass,
      `评价得分 ${score} 分${weak.length ? `；${weak.join('，')}` : ''}（需总分 ≥${p.passScore} 且各项分类达标）`,
      SOURCE,
    );
    if (!scorePass && score < p.passScore) b.need('score', `总分还差 ${p.passScore - score} 分`);
    for (const c of categories)
      if (c.minimum !== undefined && c.score < c.minimum) b.need(`category.${c.id}`, `${c.name}还差 ${c.minimum - c.score} 分`);
  }
  return b.finish(score, categories);
}

/** An indicator whose figures were not given: 0 points, and a request for them. */
export function noData(b: ResultBuilder, id: string, name: string, category: string, max: number, source: string, year: number): void {
  b.indicator({ id, name, category, value: null, band: '缺少数据', points: 0, max, source });
  b.need(id, `请填写 ${year} 年度数据`);
}
