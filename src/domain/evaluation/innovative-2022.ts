// 创新型中小企业评价标准 (工信部企业〔2022〕63号 附件1), criteria.md §1.
import { numeratorFor } from './bands.js';
import { bandIndicator, type CategoryDef, ResultBuilder, smeCondition } from './builder.js';
import { type Context, hasRecentAward, recentEquity, wan } from './context.js';
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

const CATEGORIES: CategoryDef[] = [
  { id: 'innovation', name: '创新能力', max: 40 },
  { id: 'growth', name: '成长性', max: 30 },
  { id: 'specialisation', name: '专业化', max: 30 },
];
const INNOVATION = 0;
const GROWTH = 1;
const SPECIALISATION = 2;
const IP_BANDS = ['无', 'Ⅱ类', 'Ⅰ类', '自主研发Ⅰ类', 'Ⅰ类高价值'];

export function evaluateInnovative2022(ctx: Context, p = INNOVATIVE_2022, explain = true): TierResult {
  const b = new ResultBuilder(ctx, 'innovative', p.id, explain, CATEGORIES);
  const { enterprise: e } = ctx.input;
  const { y0, y1, priorYear } = ctx;
  smeCondition(b);

  // 创新能力
  const ip = e.ip;
  const ipLevel = ip.classIHighValue >= 1 ? 4 : ip.classISelfDeveloped >= 1 ? 3 : ip.classI >= 1 ? 2 : ip.classII >= 1 ? 1 : 0;
  b.indicator(
    INNOVATION,
    ipLevel * 5,
    explain && {
      id: 'ip',
      name: '与主导产品相关的有效知识产权',
      value: `Ⅰ类 ${ip.classI}（高价值 ${ip.classIHighValue}，自主研发 ${ip.classISelfDeveloped}），Ⅱ类 ${ip.classII}`,
      band: IP_BANDS[ipLevel],
      max: 20,
      source: `${SOURCE} 一(1)`,
    },
  );
  if (explain && ip.classI === 0) b.need('ip', 'Ⅰ类知识产权还需 1 项（得 10 分）');
  bandIndicator(
    b,
    INNOVATION,
    y0?.rdExpense,
    y0?.revenue,
    p.rdRatioBands,
    explain && {
      id: 'rdRatio',
      name: `${priorYear} 年研发费用占营业收入比重`,
      max: 20,
      source: `${SOURCE} 一(2)`,
      need: (next) =>
        `研发费用还差 ${wan(numeratorFor(y0?.revenue ?? 0, next.percent) - (y0?.rdExpense ?? 0))} 万元即可达到营业收入的 ${next.percent}%（得 ${next.points} 分）`,
    },
  );

  // 成长性
  bandIndicator(
    b,
    GROWTH,
    y0 && y1 ? y0.mainRevenue - y1.mainRevenue : undefined,
    y0 && y1 ? y1.mainRevenue : undefined,
    p.mainGrowthBands,
    explain && {
      id: 'mainGrowth',
      name: `${priorYear} 年主营业务收入增长率`,
      max: 20,
      source: `${SOURCE} 二(3)`,
      need: (next) =>
        `主营业务收入还需增加 ${wan((y1?.mainRevenue ?? 0) + numeratorFor(y1?.mainRevenue ?? 0, next.percent) - (y0?.mainRevenue ?? 0))} 万元即可达到增长 ${next.percent}%（得 ${next.points} 分）`,
      missingYear: y0 ? priorYear - 1 : priorYear,
    },
  );
  bandIndicator(
    b,
    GROWTH,
    y0?.totalLiabilities,
    y0?.totalAssets,
    p.debtBands,
    explain && {
      id: 'debtRatio',
      name: `${priorYear} 年末资产负债率`,
      max: 10,
      source: `${SOURCE} 二(4)`,
      need: (next) =>
        `负债还需减少 ${wan((y0?.totalLiabilities ?? 0) - Math.floor(((y0?.totalAssets ?? 0) * next.percent) / 100))} 万元即可使资产负债率不高于 ${next.percent}%（得 ${next.points} 分）`,
    },
    true,
  );

  // 专业化
  const strategic = e.mainProductField === 'strategic_emerging';
  b.indicator(
    SPECIALISATION,
    strategic ? 10 : 5,
    explain && {
      id: 'productField',
      name: '主导产品所属领域',
      value: strategic ? '属于战略性新兴产业' : '其他',
      band: strategic ? '战略性新兴产业' : '其他',
      max: 10,
      source: `${SOURCE} 三(5)`,
    },
  );
  bandIndicator(
    b,
    SPECIALISATION,
    y0?.mainRevenue,
    y0?.revenue,
    p.mainShareBands,
    explain && {
      id: 'mainShare',
      name: `${priorYear} 年主营业务收入占营业收入比重`,
      max: 20,
      source: `${SOURCE} 三(6)`,
      need: (next) =>
        `主营业务收入还差 ${wan(numeratorFor(y0?.revenue ?? 0, next.percent) - (y0?.mainRevenue ?? 0))} 万元即可达到营业收入的 ${next.percent}%（得 ${next.points} 分）`,
    },
  );

  const minimums = [p.categoryMinimums.innovation, p.categoryMinimums.growth, p.categoryMinimums.specialisation];
  const score = b.score;
  const categoriesOk = b.sum(INNOVATION) >= minimums[0] && b.sum(GROWTH) >= minimums[1] && b.sum(SPECIALISATION) >= minimums[2];
  const scorePass = score >= p.passScore && categoriesOk;

  // Direct path: any one of four.
  const award = hasRecentAward(ctx, 3);
  const highTech = e.qualifications.highTech;
  const institution = e.rdInstitution === 'provincial' || e.rdInstitution === 'national';
  const equity = recentEquity(ctx, 3);
  const equityOk = equity !== null && equity >= p.directEquity;
  const direct = award || highTech || institution || equityOk;
  const categories = b.categories(minimums);
  if (!explain) b.condition('pass', direct || scorePass, false);
  else if (direct) {
    const paths = [
      award && '近三年获得国家级或省级科技奖励',
      highTech && '有效期内的高新技术企业',
      institution && '拥有省部级以上研发机构',
      equityOk && `近三年新增股权融资 ${wan(equity)} 万元（≥${wan(p.directEquity)} 万元）`,
    ].filter(Boolean);
    b.condition('pass', true, { name: '评价得分或直通条件', detail: `符合直通条件：${paths.join('；')}`, source: `${SOURCE} 直通条件` });
  } else {
    const weak = categories
      .filter((c) => c.minimum !== undefined && c.score < c.minimum)
      .map((c) => `${c.name} ${c.score} 分（需 ≥${c.minimum}）`);
    b.condition('pass', scorePass, {
      name: '评价得分或直通条件',
      detail: `评价得分 ${score} 分${weak.length ? `；${weak.join('，')}` : ''}（需总分 ≥${p.passScore} 且各项分类达标）`,
      source: SOURCE,
    });
    if (!scorePass && score < p.passScore) b.need('score', `总分还差 ${p.passScore - score} 分`);
    for (const c of categories)
      if (c.minimum !== undefined && c.score < c.minimum) b.need(`category.${c.id}`, `${c.name}还差 ${c.minimum - c.score} 分`);
  }
  const result = b.finish(score, categories);
  // The two ways to qualify, for "符合（直通条件）" rather than a score below the line.
  if (explain)
    result.paths = [
      { name: '评价得分', score, met: scorePass },
      { name: '直通条件', score: null, met: direct },
    ];
  return result;
}

/** An indicator whose figures were not given: 0 points, and a request for them (when explaining). */
export function noData(
  b: ResultBuilder,
  category: number,
  text: { id: string; name: string; max: number; source: string; year: number } | false,
): void {
  if (!text) return;
  b.indicator(category, 0, { id: text.id, name: text.name, value: null, band: '缺少数据', max: text.max, source: text.source });
  b.need(text.id, `请填写 ${text.year} 年度数据`);
}
