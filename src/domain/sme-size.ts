// 中小企业划型标准规定 (工信部联企业〔2011〕300号), shared/domain/criteria.md §7.
// Thresholds in 万元 as the regulation states them; amounts arrive in whole yuan.
// Here "以下" is strict (<) and "及以上" is >=.

export const SECTORS = [
  'agriculture',
  'industry',
  'construction',
  'wholesale',
  'retail',
  'transport',
  'warehousing',
  'postal',
  'accommodation',
  'catering',
  'information_transmission',
  'software_it',
  'real_estate',
  'property_management',
  'leasing_business',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<Sector, string> = {
  agriculture: '农、林、牧、渔业',
  industry: '工业',
  construction: '建筑业',
  wholesale: '批发业',
  retail: '零售业',
  transport: '交通运输业',
  warehousing: '仓储业',
  postal: '邮政业',
  accommodation: '住宿业',
  catering: '餐饮业',
  information_transmission: '信息传输业',
  software_it: '软件和信息技术服务业',
  real_estate: '房地产开发经营',
  property_management: '物业管理',
  leasing_business: '租赁和商务服务业',
  other: '其他未列明行业',
};

export type SizeClass = 'large' | 'medium' | 'small' | 'micro';
export const SIZE_CLASS_LABELS: Record<SizeClass, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };

type Metric = 'employees' | 'revenue' | 'assets';
/** A tier's lower bound: every listed metric must reach its value (且). */
type Bound = Partial<Record<Metric, number>>;

interface SectorRule {
  /** Below any of these (或) the firm is an SME; at or above all of them it is large. */
  ceiling: Bound;
  medium: Bound;
  small: Bound;
}

const RULES: Record<Sector, SectorRule> = {
  agriculture: { ceiling: { revenue: 20000 }, medium: { revenue: 500 }, small: { revenue: 50 } },
  industry: {
    ceiling: { employees: 1000, revenue: 40000 },
    medium: { employees: 300, revenue: 2000 },
    small: { employees: 20, revenue: 300 },
  },
  construction: {
    ceiling: { revenue: 80000, assets: 80000 },
    medium: { revenue: 6000, assets: 5000 },
    small: { revenue: 300, assets: 300 },
  },
  wholesale: {
    ceiling: { employees: 200, revenue: 40000 },
    medium: { employees: 20, revenue: 5000 },
    small: { employees: 5, revenue: 1000 },
  },
  retail: { ceiling: { employees: 300, revenue: 20000 }, medium: { employees: 50, revenue: 500 }, small: { employees: 10, revenue: 100 } },
  transport: {
    ceiling: { employees: 1000, revenue: 30000 },
    medium: { employees: 300, revenue: 3000 },
    small: { employees: 20, revenue: 200 },
  },
  warehousing: {
    ceiling: { employees: 200, revenue: 30000 },
    medium: { employees: 100, revenue: 1000 },
    small: { employees: 20, revenue: 100 },
  },
  postal: {
    ceiling: { employees: 1000, revenue: 30000 },
    medium: { employees: 300, revenue: 2000 },
    small: { employees: 20, revenue: 100 },
  },
  accommodation: {
    ceiling: { employees: 300, revenue: 10000 },
    medium: { employees: 100, revenue: 2000 },
    small: { employees: 10, revenue: 100 },
  },
  catering: {
    ceiling: { employees: 300, revenue: 10000 },
    medium: { employees: 100, revenue: 2000 },
    small: { employees: 10, revenue: 100 },
  },
  information_transmission: {
    ceiling: { employees: 2000, revenue: 100000 },
    medium: { employees: 100, revenue: 1000 },
    small: { employees: 10, revenue: 100 },
  },
  software_it: {
    ceiling: { employees: 300, revenue: 10000 },
    medium: { employees: 100, revenue: 1000 },
    small: { employees: 10, revenue: 50 },
  },
  real_estate: {
    ceiling: { revenue: 200000, assets: 10000 },
    medium: { revenue: 1000, assets: 5000 },
    small: { revenue: 100, assets: 2000 },
  },
  property_management: {
    ceiling: { employees: 1000, revenue: 5000 },
    medium: { employees: 300, revenue: 1000 },
    small: { employees: 100, revenue: 500 },
  },
  leasing_business: {
    ceiling: { employees: 300, assets: 120000 },
    medium: { employees: 100, assets: 8000 },
    small: { employees: 10, assets: 100 },
  },
  other: { ceiling: { employees: 300 }, medium: { employees: 100 }, small: { employees: 10 } },
};

export interface SizeFacts {
  employees: number;
  /** 营业收入, whole yuan. */
  revenue: number;
  /** 资产总额, whole yuan. */
  totalAssets: number;
}

const WAN = 10_000;

/** Threshold in the metric's own unit: people, or 万元 turned into whole yuan (exact integers). */
const threshold = (metric: Metric, value: number) => (metric === 'employees' ? value : value * WAN);

/** A bound as minimums in people and yuan; a metric the bound does not name needs nothing (−∞). */
interface Minimums {
  employees: number;
  revenue: number;
  totalAssets: number;
}

// Built once: classifySize runs for every evaluation, scores-only runs included.
const minimumsOf = (bound: Bound): Minimums => ({
  employees: bound.employees === undefined ? Number.NEGATIVE_INFINITY : threshold('employees', bound.employees),
  revenue: bound.revenue === undefined ? Number.NEGATIVE_INFINITY : threshold('revenue', bound.revenue),
  totalAssets: bound.assets === undefined ? Number.NEGATIVE_INFINITY : threshold('assets', bound.assets),
});
const MINIMUMS = new Map(
  (Object.entries(RULES) as [Sector, SectorRule][]).map(([sector, rule]) => [
    sector,
    { ceiling: minimumsOf(rule.ceiling), medium: minimumsOf(rule.medium), small: minimumsOf(rule.small) },
  ]),
);

const reachesAll = (facts: SizeFacts, min: Minimums): boolean =>
  facts.employees >= min.employees && facts.revenue >= min.revenue && facts.totalAssets >= min.totalAssets;

/**
 * The size class of the regulation. Large when the ceiling is reached on every metric it names;
 * medium or small when both lower bounds of that tier are reached; otherwise micro.
 */
export function classifySize(sector: Sector, facts: SizeFacts): SizeClass {
  const rule = MINIMUMS.get(sector);
  if (!rule) throw new Error(`unknown sector ${sector}`);
  if (reachesAll(facts, rule.ceiling)) return 'large';
  if (reachesAll(facts, rule.medium)) return 'medium';
  if (reachesAll(facts, rule.small)) return 'small';
  return 'micro';
}

export const isSme = (size: SizeClass) => size !== 'large';

/** The yearly figures a sector's rule looks at (工业: people and revenue; 建筑业: revenue and assets …). */
export function sizeMetricsOf(sector: Sector): (keyof SizeFacts)[] {
  const rule = RULES[sector];
  const metrics = new Set<Metric>();
  for (const bound of [rule.ceiling, rule.medium, rule.small]) for (const m of Object.keys(bound) as Metric[]) metrics.add(m);
  return [...metrics].map((m) => (m === 'assets' ? 'totalAssets' : m));
}

/**
 * The sector of the size rules for a 国民经济行业分类 大类 (two-digit division code).
 * 300号 names sectors by 门类 and, inside some, by 大类; this maps each division.
 */
export function sectorOfIndustry(divisionCode: string): Sector {
  const d = Number(divisionCode);
  if (d >= 1 && d <= 5) return 'agriculture';
  if (d >= 6 && d <= 46) return 'industry'; // 采矿业、制造业、电力热力燃气及水
  if (d >= 47 && d <= 50) return 'construction';
  if (d === 51) return 'wholesale';
  if (d === 52) return 'retail';
  if (d >= 53 && d <= 58) return 'transport'; // 铁路、道路、水上、航空、管道运输，多式联运和运输代理
  if (d === 59) return 'warehousing'; // 装卸搬运和仓储业
  if (d === 60) return 'postal';
  if (d === 61) return 'accommodation';
  if (d === 62) return 'catering';
  if (d === 63 || d === 64) return 'information_transmission'; // 电信广播电视卫星、互联网和相关服务
  if (d === 65) return 'software_it';
  if (d === 70) return 'real_estate'; // 房地产业 (开发经营 and 物业管理 share the division; see note)
  if (d === 71 || d === 72) return 'leasing_business';
  return 'other';
}
