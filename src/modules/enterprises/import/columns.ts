// The columns of the enterprise import and export, with the ways offices write their headers.
import type { YearField } from '../../../domain/enterprise-rules.js';
import { TEXT_MAX } from '../../../domain/field-rules.js';
import { makeUscc } from '../../../domain/uscc.js';

export type ColumnKind =
  | 'uscc'
  | 'text'
  | 'phone'
  | 'district'
  | 'zone'
  | 'industry'
  | 'cluster'
  | 'date'
  | 'amount'
  | 'count'
  | 'year'
  | 'listing'
  | 'tier'
  | 'level'
  | 'status'
  | 'score';

export interface ImportColumn {
  key: string;
  /** Header in the template and the export (and the label of the field in the preview's list of changes). */
  header: string;
  kind: ColumnKind;
  aliases: string[];
  required?: boolean;
  maxLength?: number;
  /** For yearly indicators: which field. */
  yearField?: YearField;
  /** For scores kept with the enterprise's facts: which one, and its highest value. */
  fact?: ImportedFact;
  max?: number;
}

/**
 * The USCC of the template's sample row: check-digit valid, obviously fictional (organisation
 * code 00000000) and no real enterprise's, so that an unchanged template overwrites nothing.
 */
export const SAMPLE_USCC = makeUscc('500153', '00000000');
export const SAMPLE_NAME = '（示例）重庆某某智能装备有限公司';

/** The facts the import reads: scores officers receive as lists (the national platform's, the district's). */
export type ImportedFact = 'developmentScore' | 'featuredScore';

export const IMPORT_COLUMNS: ImportColumn[] = [
  {
    key: 'uscc',
    header: '统一社会信用代码',
    kind: 'uscc',
    aliases: ['信用代码', '社会信用代码', '统一代码', '统一社会信用代码证号'],
    required: true,
  },
  {
    key: 'name',
    header: '企业名称',
    kind: 'text',
    aliases: ['单位名称', '企业全称', '名称', '公司名称'],
    required: true,
    maxLength: TEXT_MAX.name,
  },
  {
    key: 'districtCode',
    header: '所属区县',
    kind: 'district',
    aliases: ['区县', '所在区县', '区县名称', '注册地区县', '行政区划'],
    required: true,
  },
  { key: 'zoneCode', header: '功能区', kind: 'zone', aliases: ['所属功能区', '园区'] },
  {
    key: 'industryCode',
    header: '行业大类代码',
    kind: 'industry',
    aliases: ['行业代码', '国民经济行业代码', '所属行业', '行业', '行业大类'],
    required: true,
  },
  { key: 'clusterCode', header: '产业集群', kind: 'cluster', aliases: ['33618集群', '所属集群', '集群'] },
  { key: 'establishedOn', header: '成立日期', kind: 'date', aliases: ['成立时间', '注册日期', '成立年月'], required: true },
  { key: 'registeredCapital', header: '注册资本（万元）', kind: 'amount', aliases: ['注册资本', '注册资金'] },
  {
    key: 'legalRepresentative',
    header: '法定代表人',
    kind: 'text',
    aliases: ['法人代表', '法人'],
    maxLength: TEXT_MAX.legalRepresentative,
  },
  { key: 'address', header: '注册地址', kind: 'text', aliases: ['地址', '企业地址', '通讯地址'], maxLength: TEXT_MAX.address },
  { key: 'mainProduct', header: '主导产品', kind: 'text', aliases: ['主要产品', '主营产品'], maxLength: TEXT_MAX.mainProduct },
  { key: 'nicheMarket', header: '细分市场', kind: 'text', aliases: ['细分领域'], maxLength: TEXT_MAX.nicheMarket },
  { key: 'nicheEntryYear', header: '进入细分市场年份', kind: 'year', aliases: ['从事细分市场起始年份', '进入细分领域年份'] },
  { key: 'listingStatus', header: '上市情况', kind: 'listing', aliases: ['上市状态', '是否上市'] },
  { key: 'contactName', header: '联系人', kind: 'text', aliases: ['企业联系人'], maxLength: TEXT_MAX.contactName },
  { key: 'contactPhone', header: '联系电话', kind: 'phone', aliases: ['电话', '手机', '联系方式'] },
  { key: 'year', header: '年度', kind: 'year', aliases: ['统计年度', '数据年度', '年份'] },
  { key: 'revenue', header: '营业收入（万元）', kind: 'amount', aliases: ['营业收入', '营收'], yearField: 'revenue' },
  { key: 'mainRevenue', header: '主营业务收入（万元）', kind: 'amount', aliases: ['主营业务收入', '主营收入'], yearField: 'mainRevenue' },
  { key: 'totalProfit', header: '利润总额（万元）', kind: 'amount', aliases: ['利润总额'], yearField: 'totalProfit' },
  { key: 'netProfit', header: '净利润（万元）', kind: 'amount', aliases: ['净利润'], yearField: 'netProfit' },
  { key: 'totalAssets', header: '资产总额（万元）', kind: 'amount', aliases: ['资产总额', '总资产'], yearField: 'totalAssets' },
  { key: 'totalLiabilities', header: '负债总额（万元）', kind: 'amount', aliases: ['负债总额', '总负债'], yearField: 'totalLiabilities' },
  { key: 'rdExpense', header: '研发费用（万元）', kind: 'amount', aliases: ['研发费用', '研发投入', 'R&D经费'], yearField: 'rdExpense' },
  {
    key: 'employees',
    header: '从业人员（人）',
    kind: 'count',
    aliases: ['从业人员', '职工人数', '员工人数', '从业人数'],
    yearField: 'employees',
  },
  { key: 'rdStaff', header: '研发人员（人）', kind: 'count', aliases: ['研发人员', '研发人员数'], yearField: 'rdStaff' },
  { key: 'exports', header: '出口额（万元）', kind: 'amount', aliases: ['出口额', '出口交货值'], yearField: 'exports' },
  { key: 'taxesPaid', header: '纳税额（万元）', kind: 'amount', aliases: ['纳税额', '纳税总额', '实缴税金'], yearField: 'taxesPaid' },
  {
    key: 'equityFinancing',
    header: '新增股权融资（万元）',
    kind: 'amount',
    aliases: ['新增股权融资', '股权融资额'],
    yearField: 'equityFinancing',
  },
  {
    key: 'developmentScore',
    header: '专精特新发展评价得分',
    kind: 'score',
    aliases: ['发展评价得分', '专精特新发展评价分', '发展评价分'],
    fact: 'developmentScore',
    max: 100,
  },
  { key: 'featuredScore', header: '特色化指标得分', kind: 'score', aliases: ['特色化得分', '特色化指标'], fact: 'featuredScore', max: 15 },
];

/** Header text folded for matching: full-width → half-width, no spaces, brackets unified, unit removed. */
export function headerKey(text: string): { key: string; unit: 'wan' | 'yuan' | null } {
  const folded = String(text).normalize('NFKC').replace(/\s+/g, '').replace(/\*/g, '');
  const unitMatch = /\((万元|元|人)\)$|（(万元|元|人)）$/.exec(folded);
  const unitText = unitMatch?.[1] ?? unitMatch?.[2];
  const key = folded.replace(/\((万元|元|人|个|%)\)$/, '').replace(/[()]/g, '');
  return { key, unit: unitText === '万元' ? 'wan' : unitText === '元' ? 'yuan' : null };
}

export interface MatchedHeader {
  column: ImportColumn;
  index: number;
  /** Unit of an amount column, from its header; 万元 when the header does not say. */
  unit: 'wan' | 'yuan';
  header: string;
}

/** A matcher for a header row against these columns (their headers and aliases, folded). */
export function headerMatcher(columns: ImportColumn[]) {
  const lookup = new Map<string, ImportColumn>();
  for (const c of columns) for (const name of [c.header, ...c.aliases]) lookup.set(headerKey(name).key, c);
  return (cells: unknown[]) => matchHeaderCells(lookup, cells);
}

export const matchHeaders = headerMatcher(IMPORT_COLUMNS);

function matchHeaderCells(lookup: Map<string, ImportColumn>, cells: unknown[]): MatchedHeader[] {
  const matched: MatchedHeader[] = [];
  const seen = new Set<string>();
  cells.forEach((cell, index) => {
    if (cell === null || cell === undefined || cell === '') return;
    const { key, unit } = headerKey(String(cell));
    const column = lookup.get(key);
    if (!column || seen.has(column.key)) return;
    seen.add(column.key);
    matched.push({ column, index, unit: unit === 'yuan' ? 'yuan' : 'wan', header: String(cell).trim() });
  });
  return matched;
}
