// Rule-set parameters an officer may correct without a release (criteria.md, Decision 6): every
// number of a rule set, addressed by its path ("minRdRatio", "direct.avgRd2y", "rdRatioBands.0.percent"
// for a band's threshold), with corrections applied over the shipped values.
import { INNOVATIVE_2022 } from './innovative-2022.js';
import { LITTLE_GIANT_2018 } from './little-giant-2018.js';
import { LITTLE_GIANT_2022 } from './little-giant-2022.js';
import { LITTLE_GIANT_2026, SRDI_2026 } from './rules-2026.js';
import { SRDI_2022 } from './srdi-2022.js';

export const SHIPPED_PARAMETERS = {
  'innovative-2022': INNOVATIVE_2022,
  'srdi-2022': SRDI_2022,
  'little-giant-2022': LITTLE_GIANT_2022,
  'srdi-2026': SRDI_2026,
  'little-giant-2026': LITTLE_GIANT_2026,
  'little-giant-2018': LITTLE_GIANT_2018,
} as const;
export type CorrectableRuleSet = keyof typeof SHIPPED_PARAMETERS;

/** Corrections per rule set: path → number, plus the version they make. */
export interface RuleSetCorrections {
  version: number;
  values: Record<string, number>;
}
export type Corrections = Partial<Record<CorrectableRuleSet, RuleSetCorrections>>;

/** The numeric parameters of a rule set, flattened: [path, value]; a band table gives one path per band and field. */
export function numericParameters(ruleSet: CorrectableRuleSet): [string, number][] {
  const out: [string, number][] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number') out.push([path, value]);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(SHIPPED_PARAMETERS[ruleSet], '');
  return out;
}

const LABELS: Record<string, string> = {
  passScore: '评价得分及格线（分）',
  'categoryMinimums.innovation': '创新能力最低得分（分）',
  'categoryMinimums.growth': '成长性最低得分（分）',
  'categoryMinimums.specialisation': '专业化最低得分（分）',
  directEquity: '直通条件：近三年新增股权融资（万元）',
  minNicheYears: '从事细分市场最少年限（年）',
  minRdExpense: '研发费用下限（万元）',
  minRdRatio: '研发费用占营业收入比重下限（%）',
  minRevenue: '上年营业收入下限（万元）',
  maxRevenue: '上年营业收入上限（万元）',
  altEquity2y: '可替代营业收入的近 2 年新增股权融资（万元）',
  'direct.avgRd2y': '直通条件：近两年研发费用平均（万元）',
  'direct.equity2y': '直通条件：近两年新增股权融资（万元）',
  'direct.makerTop': '直通条件：“创客中国”全国名次上限（名）',
  makerTop: '直通条件：“创客中国”全国名次上限（名）',
  minMainShare: '主营业务收入占营业收入比重下限（%）',
  minMeanGrowth: '近 2 年平均增长率下限（%）',
  maxDebt: '资产负债率上限（%）',
  minNicheShare: '细分市场占有率下限（%）',
  minClassI: 'Ⅰ类知识产权最少（项）',
  'rdByRevenue.high': '研发强度：较高营业收入档起点（万元）',
  'rdByRevenue.highPercent': '研发强度：较高营业收入档的研发费用占比下限（%）',
  'rdByRevenue.middle': '研发强度：中间营业收入档起点（万元）',
  'rdByRevenue.middlePercent': '研发强度：中间营业收入档的研发费用占比下限（%）',
  'small.equity2y': '营业收入较低时：近两年新增股权融资下限（万元）',
  'small.rd2y': '营业收入较低时：近两年研发费用合计下限（万元）',
  'small.rdStaffPercent': '营业收入较低时：研发人员占比下限（%）',
  minCagr: '近 2 年营业收入复合增长率下限（%）',
  minRd2y: '近 2 年研发费用合计下限（万元）',
  minDevelopmentScore: '专精特新发展评价得分下限（分）',
  minInventions: '有效发明专利最少（项）',
  minOtherIp: '实用新型、外观设计、软件著作权最少（项）',
  'rdInstitutionPoints.national': '研发机构得分：国家级',
  'rdInstitutionPoints.provincial': '研发机构得分：省级',
  'rdInstitutionPoints.municipal': '研发机构得分：市级',
  'rdInstitutionPoints.below_municipal': '研发机构得分：市级以下',
  'rdInstitutionPoints.none': '研发机构得分：无',
};
const BAND_TABLES: Record<string, string> = {
  rdRatioBands: '研发费用占营业收入比重',
  mainGrowthBands: '主营业务收入增长率',
  debtBands: '资产负债率',
  mainShareBands: '主营业务收入占营业收入比重',
  marginBands: '净利润率',
  rdInputBands: '研发投入',
  rdStaffBands: '研发人员占从业人员比重',
};
const BAND_FIELDS: Record<string, string> = { percent: '门槛（%）', points: '得分', amount: '金额门槛（万元）' };

/**
 * Amounts are kept in whole yuan and read in 万元: the parameters whose label says （万元）. The
 * correction form shows and takes them in 万元.
 */
export function isMoneyParameter(path: string): boolean {
  return parameterLabel(path).endsWith('（万元）');
}

/** A parameter's value as an officer reads it (amounts in 万元 with separators). */
export function parameterValueText(path: string, value: number): string {
  if (!isMoneyParameter(path)) return String(value);
  return (value / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 4 });
}

/** What an officer reads for a parameter path ("研发费用占营业收入比重 第 1 档 门槛（%）"); the path itself if unnamed. */
export function parameterLabel(path: string): string {
  const band = /^(\w+)\.(\d+)\.(\w+)$/.exec(path);
  if (band && BAND_TABLES[band[1]]) return `${BAND_TABLES[band[1]]} 第 ${Number(band[2]) + 1} 档 ${BAND_FIELDS[band[3]] ?? band[3]}`;
  return LABELS[path] ?? path;
}

/**
 * Band tables that a correction would put out of order, by table name: each field must keep the
 * direction of the shipped table (thresholds falling for "higher is better", rising for "lower is
 * better"; points always falling), or a band could never be reached.
 */
export function disorderedBands(ruleSet: CorrectableRuleSet, values: Record<string, number>): string[] {
  const shipped = SHIPPED_PARAMETERS[ruleSet] as unknown as Record<string, unknown>;
  const corrected = applyCorrections(shipped, values);
  const out: string[] = [];
  for (const [key, table] of Object.entries(shipped)) {
    if (!Array.isArray(table) || table.length < 2) continue;
    const after = corrected[key] as Record<string, number>[];
    for (const field of Object.keys(table[0])) {
      const direction = Math.sign(table[1][field] - table[0][field]);
      const ordered = after.every((band, i) => i === 0 || Math.sign(band[field] - after[i - 1][field]) === direction);
      if (!ordered) {
        out.push(BAND_TABLES[key] ?? key);
        break;
      }
    }
  }
  return out;
}

/** The parameters with the corrections applied (a fresh object; the shipped one is never changed). */
export function applyCorrections<T>(shipped: T, values: Record<string, number> | undefined): T {
  if (!values || !Object.keys(values).length) return shipped;
  const copy = structuredClone(shipped) as Record<string, unknown>;
  for (const [path, value] of Object.entries(values)) {
    const keys = path.split('.');
    let node = copy;
    for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
    node[keys[keys.length - 1]] = value;
  }
  return copy as T;
}
