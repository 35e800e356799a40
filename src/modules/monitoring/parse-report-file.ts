// A month's reports file (xlsx or CSV) → one set of report values per row, every unreadable cell an
// error of its row and column. The registry import's reader (read-table.ts) and header matcher are reused.
import { parseAmount, parseCount } from '../../domain/amounts.js';
import { checkText } from '../../domain/field-rules.js';
import { REPORT_AMOUNT_FIELDS } from '../../domain/monitoring/report-status.js';
import { checkUscc, normalizeUscc } from '../../domain/uscc.js';
import { AppError } from '../../server/errors.js';
import { breather } from '../../server/responsive.js';
import type { MatchedHeader } from '../enterprises/import/columns.js';
import type { ImportError } from '../enterprises/import/parse-rows.js';
import { readTable } from '../enterprises/import/read-table.js';
import { matchReportHeaders, REPORT_COLUMNS, type ReportColumnKey, SURVEY_BY_TEXT } from './import-columns.js';

/** What a row gives (amounts in whole yuan, electricity in whole kWh); absent cells are absent. */
export interface ParsedReportValues {
  revenueMonth?: number;
  revenueYtd?: number;
  profitYtd?: number;
  outputYtd?: number;
  employees?: number;
  rdExpenseYtd?: number;
  exportYtd?: number;
  taxYtd?: number;
  electricityYtd?: number;
  newOrders?: number;
  survey?: { orders?: 'up' | 'flat' | 'down'; employment?: 'up' | 'flat' | 'down'; financing?: 'up' | 'flat' | 'down' };
  suggestions?: string;
}

export interface ParsedReportRow {
  row: number;
  uscc: string;
  name: string | null;
  values: ParsedReportValues;
  /** The 说明 cell: the explanation of every soft check the row fails. */
  explanation: string | null;
}

export interface ParsedReportFile {
  rows: ParsedReportRow[];
  errors: ImportError[];
  /** The file's header of each column it has (errors name the column as the file does). */
  headers: Map<ReportColumnKey, string>;
}

const HEADER_SEARCH_ROWS = 10;
const ROWS_PER_BREATHER = 1000;
const TEXT_LIMIT = 2000;

type AmountField = 'revenueMonth' | 'revenueYtd' | 'profitYtd' | 'outputYtd' | 'rdExpenseYtd' | 'exportYtd' | 'taxYtd' | 'newOrders';
const isAmountField = (key: string): key is AmountField => (REPORT_AMOUNT_FIELDS as readonly string[]).includes(key);

export async function parseReportFile(
  file: { buffer: Buffer; fileName: string },
  progress?: (rows: number) => void,
): Promise<ParsedReportFile> {
  const table = await readTable(file.buffer, file.fileName);
  const errors: ImportError[] = [];
  const rows: ParsedReportRow[] = [];
  const headers = new Map<ReportColumnKey, string>();
  let matched: MatchedHeader[] | null = null;
  let seen = 0;
  let headerRow = 0;
  const firstRowOf = new Map<string, number>();
  for await (const { rowNumber, cells } of table.rows) {
    seen++;
    if (seen % ROWS_PER_BREATHER === 0) {
      progress?.(seen);
      await breather();
    }
    if (!matched) {
      const m = matchReportHeaders(cells);
      if (m.some((h) => h.column.key === 'uscc') && m.length >= 2) {
        matched = m;
        headerRow = rowNumber;
        for (const h of m) headers.set(h.column.key as ReportColumnKey, h.header);
        const missing = (['uscc', 'revenueYtd', 'profitYtd', 'employees'] as const)
          .filter((k) => !headers.has(k))
          .map((k) => REPORT_COLUMNS.find((c) => c.key === k)?.header);
        if (missing.length)
          throw new AppError('MONITORING_IMPORT_COLUMN_MISSING', 400, `缺少必需的列：${missing.join('、')}。请使用月报导入模板`);
      } else if (seen >= HEADER_SEARCH_ROWS) break;
      continue;
    }
    if (cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) continue;
    const before = errors.length;
    const fail = (column: string, code: string, message: string) => errors.push({ row: rowNumber, column, code, message });
    const values: ParsedReportValues = {};
    let uscc = '';
    let name: string | null = null;
    let explanation: string | null = null;
    for (const h of matched) {
      const raw = cells[h.index] ?? null;
      const text = raw === null || raw instanceof Date ? '' : String(raw).trim();
      const key = h.column.key as ReportColumnKey;
      if (raw instanceof Date) {
        fail(h.header, 'AMOUNT_INVALID', `${h.header}是日期，应填写数值`);
        continue;
      }
      if (text === '') {
        if (key === 'uscc') fail(h.header, 'REQUIRED', '统一社会信用代码不能为空');
        continue;
      }
      if (key === 'uscc') {
        uscc = normalizeUscc(text);
        const problem = checkUscc(uscc);
        if (problem === 'format')
          fail(h.header, 'ENTERPRISE_USCC_INVALID', `统一社会信用代码“${text}”格式不正确：应为 18 位数字或大写字母`);
        else if (problem === 'check_digit') fail(h.header, 'ENTERPRISE_USCC_INVALID', `统一社会信用代码“${text}”校验位不正确，请核对`);
        continue;
      }
      if (key === 'name' || key === 'suggestions' || key === 'explanation') {
        const p = checkText(text, TEXT_LIMIT);
        if (p) fail(h.header, p.code, `${h.header}${p.message}`);
        else if (key === 'name') name = text;
        else if (key === 'suggestions') values.suggestions = text;
        else explanation = text;
        continue;
      }
      if (key === 'employees') {
        const n = parseCount(raw as string | number);
        if (n === null) fail(h.header, 'COUNT_INVALID', `${h.header}“${text}”应为不小于 0 的整数`);
        else values.employees = n;
        continue;
      }
      if (key.startsWith('survey.')) {
        const answer = SURVEY_BY_TEXT.get(text.normalize('NFKC'));
        if (!answer) fail(h.header, 'SURVEY_INVALID', `${h.header}“${text}”应为 增加、持平 或 减少`);
        else values.survey = { ...values.survey, [key.slice('survey.'.length)]: answer };
        continue;
      }
      if (isAmountField(key) || key === 'electricityYtd') {
        // 万元 (or 元 when the header says so); electricity in 万千瓦时, the same four decimals.
        const parsed = parseAmount(raw as string | number, key === 'electricityYtd' ? 'wan' : h.unit);
        if ('problem' in parsed) {
          const unit = key === 'electricityYtd' ? '万千瓦时' : h.unit === 'wan' ? '万元' : '元';
          const why =
            parsed.problem === 'too_precise'
              ? h.unit === 'yuan' && key !== 'electricityYtd'
                ? '以元为单位，不能有小数'
                : `${unit}最多保留 4 位小数`
              : parsed.problem === 'too_large'
                ? '数值过大，超出可保存的范围'
                : `不是有效数字，请填写以${unit}为单位的数值`;
          fail(h.header, parsed.problem === 'too_large' ? 'AMOUNT_OUT_OF_RANGE' : 'AMOUNT_INVALID', `${h.header}“${text}”${why}`);
        } else values[key] = parsed.yuan;
      }
    }
    if (uscc) {
      const first = firstRowOf.get(uscc);
      if (first !== undefined)
        fail(headers.get('uscc') as string, 'IMPORT_DUPLICATE_ROW', `与第 ${first} 行是同一企业（${uscc}）：每家企业每月只能填一行`);
      else firstRowOf.set(uscc, rowNumber);
    }
    if (errors.length > before) continue;
    rows.push({ row: rowNumber, uscc, name, values, explanation });
  }
  if (!matched)
    throw new AppError(
      seen === 0 ? 'IMPORT_FILE_EMPTY' : 'IMPORT_HEADER_NOT_FOUND',
      400,
      seen === 0
        ? '工作表为空：没有可导入的数据'
        : '未找到表头：前 10 行中应有“统一社会信用代码”“营业收入（累计）（万元）”等列名，请使用月报导入模板',
    );
  for (const range of table.merged) {
    const [, startRow, endRow] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(range) ?? [];
    // A title merged across the top of the sheet is fine; merges among the data are not.
    if (Number(endRow) <= headerRow) continue;
    errors.push({ row: Number(startRow), column: range, code: 'MERGED_CELLS', message: `${range} 是合并单元格：请取消合并并在每一行填写` });
  }
  return { rows, errors, headers };
}
