// Spreadsheet rows → checked enterprise records and yearly indicators, with every problem
// reported by row and column in Chinese.
import { parseAmount, parseCount } from '../../../domain/amounts.js';
import { parseDate, todayInShanghai } from '../../../domain/dates.js';
import { buildDistrictMatcher, type DistrictRef } from '../../../domain/districts.js';
import { checkYearValues, type YearField, type YearValues } from '../../../domain/enterprise-rules.js';
import {
  checkCount,
  checkEstablishedOn,
  checkNicheEntryYear,
  checkPhone,
  checkScore,
  checkStatYear,
  checkText,
  checkYuan,
  type FieldProblem,
} from '../../../domain/field-rules.js';
import { checkUscc, normalizeUscc } from '../../../domain/uscc.js';
import { inScope, type Scope } from '../../../server/access.js';
import { AppError } from '../../../server/errors.js';
import { breather } from '../../../server/responsive.js';
import { LISTING_LABELS, LISTING_STATUSES } from '../enterprises.schemas.js';
import { type ImportedFact, type MatchedHeader, matchHeaders, SAMPLE_USCC } from './columns.js';
import type { Cell, Table } from './read-table.js';

export interface ImportError {
  row: number;
  column: string;
  code: string;
  message: string;
}

export interface ParsedEnterprise {
  uscc: string;
  name: string;
  districtCode?: string;
  zoneCode?: string | null;
  industryCode?: string;
  clusterCode?: string | null;
  establishedOn?: string;
  registeredCapital?: number;
  legalRepresentative?: string;
  address?: string;
  mainProduct?: string;
  nicheMarket?: string;
  nicheEntryYear?: number;
  listingStatus?: string;
  contactName?: string;
  contactPhone?: string;
  /** Scores kept with the enterprise's facts (merged into them; an empty cell leaves them as they are). */
  facts?: Partial<Record<ImportedFact, number>>;
}

export interface ParsedRow {
  rowNumber: number;
  enterprise: ParsedEnterprise;
  year?: { year: number } & YearValues;
}

export interface ReferenceData {
  districts: DistrictRef[];
  industries: { code: string; name: string; level: string }[];
  clusters: { code: string; name: string }[];
}

const HEADER_SEARCH_ROWS = 10;
/** Rows checked between two breathers (a few milliseconds of work). */
export const ROWS_PER_BREATHER = 1000;

/** Reads the table, finds the header row (titles above it are skipped) and parses each data row. */
export async function parseRows(table: Table, reference: ReferenceData, scope: Scope, progress?: (rows: number) => void) {
  const errors: ImportError[] = [];
  const rows: ParsedRow[] = [];
  const district = buildDistrictMatcher(reference.districts);
  const industryByKey = new Map<string, string>();
  for (const i of reference.industries.filter((x) => x.level === 'division')) {
    industryByKey.set(i.code, i.code);
    industryByKey.set(i.name, i.code);
  }
  const clusterByKey = new Map<string, string>();
  for (const c of reference.clusters) {
    clusterByKey.set(c.code, c.code);
    clusterByKey.set(c.name, c.code);
  }
  const listingByLabel = new Map<string, string>(Object.entries(LISTING_LABELS).map(([k, v]) => [v, k]));
  for (const [k, v] of [
    ['否', 'unlisted'],
    ['是', 'main_board'],
    ['上市', 'main_board'],
    ['拟上市', 'preparing'],
    ['新三板', 'neeq'],
    ['北交所', 'bse'],
    ['科创板', 'star'],
    ['创业板', 'gem'],
    ['主板', 'main_board'],
  ])
    listingByLabel.set(k, v);
  const today = todayInShanghai();
  const currentYear = Number(today.slice(0, 4));

  let headers: MatchedHeader[] | null = null;
  let headerRow = 0;
  let seenRows = 0;
  for await (const { rowNumber, cells } of table.rows) {
    seenRows++;
    if (seenRows % ROWS_PER_BREATHER === 0) {
      progress?.(seenRows);
      // Other requests in between: the rows of a large file take seconds to check.
      await breather();
    }
    if (!headers) {
      const matched = matchHeaders(cells);
      if (matched.some((h) => h.column.key === 'uscc') && matched.length >= 2) {
        headers = matched;
        headerRow = rowNumber;
        const missing = ['uscc', 'name'].filter((k) => !matched.some((h) => h.column.key === k));
        if (missing.length) throw new AppError('IMPORT_COLUMN_MISSING', 400, '缺少必需的列：统一社会信用代码、企业名称');
        if (matched.some((h) => h.column.yearField) && !matched.some((h) => h.column.key === 'year')) {
          throw new AppError('IMPORT_COLUMN_MISSING', 400, '有年度指标列但缺少“年度”列：请注明指标所属年度');
        }
        continue;
      }
      if (seenRows >= HEADER_SEARCH_ROWS) break;
      continue;
    }
    if (cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) continue;
    const rowErrors: ImportError[] = [];
    const fail = (h: MatchedHeader, code: string, message: string) => rowErrors.push({ row: rowNumber, column: h.header, code, message });
    // A field rule's problem, with the column's name in front.
    const failRule = (h: MatchedHeader, p: FieldProblem) => fail(h, p.code, `${h.column.header}${p.message}`);
    const enterprise: Partial<ParsedEnterprise> = {};
    const yearValues: YearValues = {};
    let year: number | undefined;
    for (const h of headers) {
      const raw = cells[h.index] ?? null;
      const text = raw === null ? '' : raw instanceof Date ? '' : String(raw).trim();
      const empty = raw === null || (typeof raw === 'string' && text === '');
      if (empty) {
        if (h.column.required && (h.column.key === 'uscc' || h.column.key === 'name')) fail(h, 'REQUIRED', `${h.column.header}不能为空`);
        continue;
      }
      const key = h.column.key;
      switch (h.column.kind) {
        case 'uscc': {
          const uscc = normalizeUscc(text);
          const problem = checkUscc(uscc);
          if (problem === 'format') fail(h, 'ENTERPRISE_USCC_INVALID', `统一社会信用代码“${text}”格式不正确：应为 18 位数字或大写字母`);
          else if (problem === 'check_digit') fail(h, 'ENTERPRISE_USCC_INVALID', `统一社会信用代码“${text}”校验位不正确，请核对`);
          else if (uscc === SAMPLE_USCC) fail(h, 'IMPORT_SAMPLE_ROW', '这是导入模板中的示例行，请删除或改为实际企业后再导入');
          enterprise.uscc = uscc;
          break;
        }
        case 'text': {
          const p = checkText(text, h.column.maxLength ?? Number.MAX_SAFE_INTEGER);
          if (p) failRule(h, p);
          else (enterprise as Record<string, unknown>)[key] = text;
          break;
        }
        case 'phone': {
          const p = checkText(text, Number.MAX_SAFE_INTEGER) ?? checkPhone(text);
          if (p) fail(h, p.code, `${h.column.header}“${text}”${p.message.replace(/^电话号码/, '')}`);
          else enterprise.contactPhone = text;
          break;
        }
        case 'district': {
          const code = district.match(text);
          if (!code) fail(h, 'DISTRICT_UNKNOWN', `未知的区县“${text}”`);
          else if (district.isZone(code))
            fail(h, 'DISTRICT_IS_ZONE', `“${text}”是功能区：所属区县请填写注册地所在区县，功能区填在“功能区”一栏`);
          else enterprise.districtCode = code;
          break;
        }
        case 'zone': {
          const code = district.match(text);
          if (!code || !district.isZone(code))
            fail(h, 'ZONE_UNKNOWN', `未知的功能区“${text}”：应为两江新区、西部科学城重庆高新区或万盛经开区`);
          else enterprise.zoneCode = code;
          break;
        }
        case 'industry': {
          const folded = text.normalize('NFKC').replace(/\s+/g, '');
          const m = /^[A-T]?(\d{2})/.exec(folded);
          const code = (m && industryByKey.get(m[1])) ?? industryByKey.get(folded);
          if (!code) fail(h, 'INDUSTRY_UNKNOWN', `未知的国民经济行业大类“${text}”：请填两位大类代码（如 39）或大类名称`);
          else enterprise.industryCode = code;
          break;
        }
        case 'cluster': {
          const code = clusterByKey.get(text) ?? clusterByKey.get(text.toUpperCase());
          if (!code) fail(h, 'CLUSTER_UNKNOWN', `未知的产业集群“${text}”`);
          else enterprise.clusterCode = code;
          break;
        }
        case 'date': {
          const date = parseDate(raw as string | number | Date);
          const p = date ? checkEstablishedOn(date, today) : null;
          if (!date) fail(h, 'DATE_INVALID', `${h.column.header}“${text || String(raw)}”不是有效日期`);
          else if (p) failRule(h, p);
          else enterprise.establishedOn = date;
          break;
        }
        case 'listing': {
          const status = listingByLabel.get(text) ?? ((LISTING_STATUSES as readonly string[]).includes(text) ? text : undefined);
          if (!status) fail(h, 'LISTING_UNKNOWN', `未知的上市情况“${text}”`);
          else enterprise.listingStatus = status;
          break;
        }
        case 'year': {
          const n = parseCount(raw as string | number);
          // Against the establishment date when the enterprise is compared with the registry (import-enterprises.ts).
          const p =
            n === null
              ? { code: 'YEAR_INVALID', message: '不是有效的年份' }
              : key === 'year'
                ? checkStatYear(n, currentYear)
                : checkNicheEntryYear(n, { currentYear });
          if (p) fail(h, p.code, `${h.column.header}“${text}”无效：${p.message}`);
          else if (key === 'year') year = n as number;
          else enterprise.nicheEntryYear = n as number;
          break;
        }
        case 'amount': {
          const parsed = parseAmount(raw as string | number, h.unit);
          if ('problem' in parsed) {
            const why =
              parsed.problem === 'too_precise'
                ? h.unit === 'wan'
                  ? '万元最多保留 4 位小数'
                  : '金额以元为单位，不能有小数'
                : parsed.problem === 'too_large'
                  ? '数值过大'
                  : '不是有效数字';
            fail(h, 'AMOUNT_INVALID', `${h.column.header}“${text}”${why}`);
          } else if (h.column.yearField) yearValues[h.column.yearField] = parsed.yuan;
          else {
            const p = checkYuan(parsed.yuan);
            if (p) failRule(h, p);
            else enterprise.registeredCapital = parsed.yuan;
          }
          break;
        }
        case 'count': {
          const n = parseCount(raw as string | number);
          const p = n === null ? { code: 'COUNT_INVALID', message: '应为不小于 0 的整数' } : checkCount(n);
          if (p) fail(h, p.code, `${h.column.header}“${text}”${p.message}`);
          else yearValues[h.column.yearField as YearField] = n as number;
          break;
        }
        case 'score': {
          const n = parseScore(raw);
          const max = h.column.max ?? 100;
          if (n === null || checkScore(n, max))
            fail(h, 'SCORE_INVALID', `${h.column.header}“${text}”应为 0～${max} 之间的分数（最多两位小数）`);
          else enterprise.facts = { ...enterprise.facts, [h.column.fact as ImportedFact]: n };
          break;
        }
      }
    }
    const hasYearValues = Object.keys(yearValues).length > 0;
    const yearHeader = headers.find((h) => h.column.key === 'year');
    if (hasYearValues && year === undefined && yearHeader && !rowErrors.some((e) => e.column === yearHeader.header)) {
      rowErrors.push({ row: rowNumber, column: yearHeader.header, code: 'REQUIRED', message: '填写了年度指标，但“年度”为空' });
    }
    if (year !== undefined) {
      for (const p of checkYearValues(year, yearValues, currentYear)) {
        const h = headers.find((x) => x.column.yearField === p.field) ?? yearHeader;
        rowErrors.push({ row: rowNumber, column: h?.header ?? p.field, code: p.code, message: p.message });
      }
    }
    const place = { districtCode: enterprise.districtCode, zoneCode: enterprise.zoneCode };
    if (enterprise.districtCode && !inScope(scope, place)) {
      const h = headers.find((x) => x.column.key === 'districtCode') as MatchedHeader;
      rowErrors.push({ row: rowNumber, column: h.header, code: 'IMPORT_OUT_OF_SCOPE', message: '该企业不属于您管辖的区县，不能导入' });
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else
      rows.push({ rowNumber, enterprise: enterprise as ParsedEnterprise, year: year !== undefined ? { year, ...yearValues } : undefined });
  }
  if (!headers) {
    throw new AppError(
      seenRows === 0 ? 'IMPORT_FILE_EMPTY' : 'IMPORT_HEADER_NOT_FOUND',
      400,
      seenRows === 0 ? '工作表为空：没有可导入的数据' : '未找到表头：前 10 行中应有“统一社会信用代码”“企业名称”等列名，请使用导入模板',
    );
  }
  if (table.merged.length) {
    for (const range of table.merged) {
      const [, startRow, endRow] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(range) ?? [];
      // A title merged across the top of the sheet is fine; merges among the data are not.
      if (Number(endRow) <= headerRow) continue;
      errors.push({
        row: Number(startRow),
        column: range,
        code: 'MERGED_CELLS',
        message: `${range} 是合并单元格（第 ${startRow}～${endRow} 行）：请取消合并并在每一行填写`,
      });
    }
  }
  return { rows, errors, columns: headers.map((h) => h.column.key) };
}

/** A score as a number ("63.5", 63.5, "６３"), rounded to the hundredth it is meant to be; null when it is no number. */
function parseScore(raw: unknown): number | null {
  const n = typeof raw === 'number' ? raw : Number(String(raw).normalize('NFKC').trim());
  if (!Number.isFinite(n)) return null;
  const hundredths = Math.round(n * 100);
  return Math.abs(hundredths - n * 100) < 1e-6 ? hundredths / 100 : n;
}

export type { Cell };
