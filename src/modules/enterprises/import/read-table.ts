// Reads the first sheet of an .xlsx or a CSV (UTF-8 or GBK) as rows of plain cell values.
import { Readable } from 'node:stream';
import { parse as csvParser } from 'csv-parse';
import type { Row } from 'exceljs';
import { AppError } from '../../../server/errors.js';
import ExcelJS, { restoreNeutralised } from '../../../server/exceljs.js';
import { breather } from '../../../server/responsive.js';
import { checkXlsx, readZipDirectory } from './zip-inspect.js';

export type Cell = string | number | Date | boolean | null;
export interface TableRow {
  /** The row number as the spreadsheet shows it (1-based). */
  rowNumber: number;
  cells: Cell[];
}
export interface Table {
  format: 'xlsx' | 'csv';
  rows: AsyncIterable<TableRow>;
  /** Merged ranges such as "C3:C5" (xlsx only). */
  merged: string[];
}

/** More rows than any real list; a larger file is split by the office before importing. */
export const MAX_ROWS = 200_000;
export const MAX_FILE_BYTES = 60 * 1024 * 1024;
/** Columns read per row; the import layouts have about thirty, a stray cell at XFD1 must not cost 16,384 per row. */
export const MAX_COLUMNS = 200;

const mismatch = () => new AppError('IMPORT_FILE_TYPE_MISMATCH', 400, '文件内容与扩展名不符，请上传 Excel（.xlsx）或 CSV 文件');

/** What the upload is, from its bytes and name; a file that is neither is refused here. */
function kindOf(buffer: Buffer, fileName: string): 'xlsx' | 'csv' {
  if (buffer.length === 0) throw new AppError('IMPORT_FILE_EMPTY', 400, '文件为空');
  if (buffer.length > MAX_FILE_BYTES)
    throw new AppError('IMPORT_FILE_TOO_LARGE', 400, `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请拆分后分批导入`);
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  const isZip = buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50;
  const isOldExcel = buffer.length >= 4 && buffer.readUInt32BE(0) === 0xd0cf11e0;
  if (isOldExcel) throw new AppError('IMPORT_XLS_UNSUPPORTED', 400, '不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 后再导入');
  if (isZip) {
    if (extension !== 'xlsx') throw mismatch();
    return 'xlsx';
  }
  if (extension === 'xlsx' || extension === 'xls') throw mismatch();
  if (extension !== 'csv' && extension !== 'txt')
    throw new AppError('IMPORT_FILE_TYPE_UNSUPPORTED', 400, '只支持 Excel（.xlsx）和 CSV 文件');
  return 'csv';
}

export async function readTable(buffer: Buffer, fileName: string): Promise<Table> {
  return kindOf(buffer, fileName) === 'xlsx' ? readXlsx(buffer) : readCsv(buffer);
}

/** The checks readTable makes before any row is read (type, size, zip bomb), for routes that read later in a job. */
export async function checkUpload(buffer: Buffer, fileName: string): Promise<void> {
  if (kindOf(buffer, fileName) === 'xlsx') await checkedXlsx(buffer);
}

async function checkedXlsx(buffer: Buffer) {
  const entries = readZipDirectory(buffer);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw mismatch();
  const sheets = entries
    .map((e) => e.name)
    .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .sort();
  return checkXlsx(buffer, entries, sheets[0] ?? 'xl/worksheets/sheet1.xml');
}

async function readXlsx(buffer: Buffer): Promise<Table> {
  const { zip, merged } = await checkedXlsx(buffer);
  async function* rows(): AsyncGenerator<TableRow> {
    // The rebuilt zip: exactly the bytes that were counted and scanned.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(zip), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    try {
      for await (const worksheet of reader) {
        for await (const row of worksheet as AsyncIterable<Row>) {
          if (row.number > MAX_ROWS + 1) throw tooManyRows();
          const values = row.values as unknown[];
          yield { rowNumber: row.number, cells: values.slice(1, MAX_COLUMNS + 1).map(plainCell) };
        }
        break; // the first sheet only
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      // The reader's own error stays with the answer (as its cause) and in the log: a checked file
      // that the reader cannot read is our defect to find, not only the user's file.
      console.warn('xlsx reader failed on a checked file:', error);
      throw Object.assign(new AppError('IMPORT_FILE_CORRUPT', 400, '无法读取该 Excel 文件：文件可能已损坏'), { cause: error });
    }
  }
  return { format: 'xlsx', rows: rows(), merged };
}

const tooManyRows = () => new AppError('IMPORT_TOO_MANY_ROWS', 400, `文件超过 ${MAX_ROWS.toLocaleString('zh-CN')} 行，请拆分后分批导入`);

/** Formula cells give their cached result; rich text its text; errors nothing. */
function plainCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  // A fresh copy: the parser's strings are slices of whole XML chunks, and would keep them alive.
  // Our exports prefix text that a spreadsheet would run as a formula with "'": take it off again.
  if (typeof value === 'string') return restoreNeutralised(Buffer.from(value, 'utf8').toString('utf8'));
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('result' in v) return plainCell(v.result);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((r) => r.text).join('');
    if ('text' in v) return plainCell(v.text);
    if ('error' in v) return null;
  }
  return String(value);
}

/** Bytes decoded, and characters fed to the CSV parser, between two breathers (a few milliseconds each). */
const SLICE = 256 * 1024;

/** The whole buffer in one encoding, slice by slice with breathers between; throws when it is not that encoding. */
async function decodeInSlices(buffer: Buffer, encoding: 'utf-8' | 'gbk'): Promise<string[]> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const pieces: string[] = [];
  for (let i = 0; i < buffer.length; i += SLICE) {
    const last = i + SLICE >= buffer.length;
    pieces.push(decoder.decode(buffer.subarray(i, i + SLICE), { stream: !last }));
    if (!last) await breather();
  }
  return pieces;
}

/**
 * CSV in UTF-8 (with or without BOM) or GBK, as Chinese office software exports it. Decoded and
 * parsed slice by slice with breathers between, so that a 60 MB file never holds the event loop
 * (on PGlite the database shares it with every other request).
 */
async function readCsv(buffer: Buffer): Promise<Table> {
  if (buffer.subarray(0, 8192).includes(0)) throw mismatch();
  let pieces: string[];
  try {
    pieces = await decodeInSlices(buffer, 'utf-8');
  } catch {
    try {
      pieces = await decodeInSlices(buffer, 'gbk');
    } catch {
      throw new AppError('IMPORT_ENCODING_UNKNOWN', 400, '无法识别文件编码：请保存为 UTF-8 或 GBK 编码的 CSV');
    }
  }
  if (pieces.length) pieces[0] = pieces[0].replace(/^\uFEFF/, '');
  async function* slices(): AsyncGenerator<string> {
    for (const piece of pieces)
      for (let i = 0; i < piece.length; i += SLICE) {
        yield piece.slice(i, i + SLICE);
        await breather();
      }
  }
  async function* rows(): AsyncGenerator<TableRow> {
    const source = Readable.from(slices());
    const parser = source.pipe(csvParser({ relax_column_count: true, skip_empty_lines: false, bom: true }));
    source.on('error', (error) => parser.destroy(error));
    let rowNumber = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        if (++rowNumber > MAX_ROWS + 1) throw tooManyRows();
        yield { rowNumber, cells: record.slice(0, MAX_COLUMNS).map((c) => (c === '' ? null : restoreNeutralised(c))) };
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('IMPORT_FILE_CORRUPT', 400, 'CSV 格式有误：请检查引号是否成对');
    } finally {
      // The reader may stop early (no header in the first rows): the rest is not parsed.
      source.destroy();
      parser.destroy();
    }
  }
  return { format: 'csv', rows: rows(), merged: [] };
}
