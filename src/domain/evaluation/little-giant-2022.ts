// 专精特新"小巨人"企业认定标准 (工信部企业〔2022〕63号 附件3), criteria.md §3. All conditions must hold.
import { debtCondition, mainShareCondition, ResultBuilder, requireYears, smeCondition } from './builder.js';
import { type Context, hasRecentAward, percentText, recentEquity, wan } from './context.js';
import { meanGrowthAtLeast, ratioAtLeast } from './exact.js';
import type { TierResult } from './types.js';

const SOURCE = '工信部企业〔2022〕63号 附件3';
const WAN = 10_000;

export const LITTLE_GIANT_2022 = {
  id: 'little-giant-2022',
  effectiveFrom: '2022-06-01',
  minNicheYears: 3,
  minMainShare: 70,
  minMeanGrowth: 5,
  maxDebt: 70,
  minNicheShare: 10,
  minClassI: 2,
  /** R&D intensity by prior-year revenue: ≥1亿 → 3 %; 5000万–1亿 → 6 % (each of the last 2 years). */
  rdByRevenue: { high: 10_000 * WAN, highPercent: 3, middle: 5000 * WAN, middlePercent: 6 },
  /** Below 5000万: equity ≥ 8000万, two-year R&D ≥ 3000万, R&D staff ≥ 50 %. */
  small: { equity2y: 8000 * WAN, rd2y: 3000 * WAN, rdStaffPercent: 50 },
  makerTop: 50,
};

export function evaluateLittleGiant2022(ctx: Context, p = LITTLE_GIANT_2022, explain = true): TierResult {
  const b = new ResultBuilder(ctx, 'little_giant', p.id, explain);
  const e = ctx.input.enterprise;
  const { y0, y1, y2 } = ctx;
  smeCondition(b);
  const srdiSme = e.qualifications.srdiSme;
  b.condition(
    'srdiSme',
    srdiSme,
    explain && { name: '有效期内的专精特新中小企业', detail: srdiSme ? '是' : '否：原则上须为专精特新中小企业', source: SOURCE },
  );

  // 专业化
  const nicheOk = e.yearsInNiche >= p.minNicheYears;
  b.condition(
    'niche',
    nicheOk,
    explain && { name: `从事特定细分市场 ${p.minNicheYears} 年以上`, detail: `${e.yearsInNiche} 年`, source: `${SOURCE} 专业化` },
  );
  if (explain && !nicheOk) b.need('niche', `从事细分市场还需 ${p.minNicheYears - e.yearsInNiche} 年`);
  if (!requireYears(b, 3, SOURCE) || !y0 || !y1 || !y2) return b.finish(null);
  mainShareCondition(b, p.minMainShare, explain && `${SOURCE} 专业化`);
  b.condition(
    'mainGrowth',
    meanGrowthAtLeast(y2.mainRevenue, y1.mainRevenue, y0.mainRevenue, p.minMeanGrowth),
    explain && {
      name: `近 2 年主营业务收入平均增长率不低于 ${p.minMeanGrowth}%`,
      detail: `${percentText(y1.mainRevenue - y2.mainRevenue, y2.mainRevenue)}% / ${percentText(y0.mainRevenue - y1.mainRevenue, y1.mainRevenue)}%`,
      source: `${SOURCE} 专业化`,
    },
  );

  // 精细化
  debtCondition(b, p.maxDebt, explain && `${SOURCE} 精细化`);
  const certified = e.quality.managementCertified;
  b.condition(
    'certification',
    certified,
    explain && {
      name: '取得相关管理体系认证或发达国家和地区产品认证',
      detail: certified ? '已取得' : '未取得',
      source: `${SOURCE} 精细化`,
    },
  );
  b.review('lg2022.infoSystem', b.explain && `${SOURCE} 精细化`);

  // 特色化
  const shareHigh = e.nicheMarketShare >= p.minNicheShare;
  b.condition(
    'nicheShare',
    shareHigh,
    explain && {
      name: `主导产品全国细分市场占有率达到 ${p.minNicheShare}% 以上`,
      detail: `${e.nicheMarketShare}%`,
      source: `${SOURCE} 特色化`,
    },
  );
  if (explain && !shareHigh)
    b.need('nicheShare', `细分市场占有率还差 ${Math.round((p.minNicheShare - e.nicheMarketShare) * 10) / 10} 个百分点`);
  const ownBrand = e.quality.ownBrand;
  b.condition(
    'ownBrand',
    ownBrand,
    explain && { name: '拥有直接面向市场并具有竞争优势的自主品牌', detail: ownBrand ? '有' : '无', source: `${SOURCE} 特色化` },
  );

  // 创新能力: the general path (all three) or a direct path.
  let rdOk: boolean;
  let rdDetail = '';
  if (y0.revenue >= p.rdByRevenue.middle) {
    const percent = y0.revenue >= p.rdByRevenue.high ? p.rdByRevenue.highPercent : p.rdByRevenue.middlePercent;
    rdOk = ratioAtLeast(y0.rdExpense, y0.revenue, percent) && ratioAtLeast(y1.rdExpense, y1.revenue, percent);
    if (explain)
      rdDetail = `营业收入 ${wan(y0.revenue)} 万元，近两年研发费用占比 ${percentText(y1.rdExpense, y1.revenue)}% / ${percentText(y0.rdExpense, y0.revenue)}%（各年需 ≥${percent}%）`;
  } else {
    const equity = recentEquity(ctx, 2) ?? 0;
    const rd2y = y0.rdExpense + y1.rdExpense;
    rdOk = equity >= p.small.equity2y && rd2y >= p.small.rd2y && ratioAtLeast(y0.rdStaff, y0.employees, p.small.rdStaffPercent);
    if (explain)
      rdDetail = `营业收入低于 5000 万元：近两年股权融资 ${wan(equity)} 万元、研发费用合计 ${wan(rd2y)} 万元、研发人员占比 ${percentText(y0.rdStaff, y0.employees)}%`;
  }
  const institutionOk = e.rdInstitution !== 'none';
  const ipOk = e.ip.classI >= p.minClassI;
  const general = rdOk && institutionOk && ipOk;
  const awards = hasRecentAward(ctx, 3, 3, true);
  const maker =
    e.makerContest !== null &&
    e.makerContest.level === 'national' &&
    e.makerContest.rank <= p.makerTop &&
    e.makerContest.year > ctx.assessmentYear - 4;
  const direct = awards || maker;
  b.condition(
    'innovation',
    general || direct,
    explain && {
      name: '创新能力（一般条件全部满足，或符合直通条件）',
      detail: direct
        ? `符合直通条件：${awards ? '近三年国家级科技奖励（前三）' : `近三年“创客中国”全国 ${p.makerTop} 强`}`
        : `${rdDetail}；研发机构：${institutionOk ? '有' : '无'}；Ⅰ类知识产权 ${e.ip.classI} 项（需 ≥${p.minClassI}）`,
      source: `${SOURCE} 创新能力`,
    },
  );
  if (explain && !general && !direct) {
    if (!ipOk) b.need('ip', `Ⅰ类知识产权还需 ${p.minClassI - e.ip.classI} 项`);
    if (!institutionOk) b.need('rdInstitution', '需自建或与高校、科研机构联合建立研发机构');
    if (!rdOk) b.need('rdIntensity', '研发投入未达到对应营业收入档次的要求');
  }

  // 产业链配套 and 主导产品所属领域: a person decides.
  b.review('lg2022.chainRole', b.explain && `${SOURCE} 产业链配套`);
  b.review('lg2022.productField', b.explain && `${SOURCE} 主导产品所属领域`);
  return b.finish(null);
}
