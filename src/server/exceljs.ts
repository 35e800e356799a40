// exceljs, with its streaming reader mended: it decodes each compressed chunk of sheet XML to
// text on its own, so a Chinese character split between two chunks turns into "��"
// (exceljs issues #2063, #2084; the fix PR #1665 is not released). We decode across chunk
// boundaries before exceljs sees the text. Import ExcelJS from here, never from 'exceljs'.
//
// Every row written through it is also neutralised against formula injection (OWASP "CSV
// injection"): a text cell beginning with =, +, -, @, tab or CR gets a leading "'", so that a
// spreadsheet shows it as text instead of running it; the import takes that one "'" off again.
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJSModule from 'exceljs';

const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const originalParseSax = require(parseSaxPath) as (iterable: AsyncIterable<string>) => AsyncGenerator<unknown>;

async function* decodeAcrossChunks(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of iterable) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

require.cache[parseSaxPath]!.exports = (iterable: AsyncIterable<Buffer | string>) => originalParseSax(decodeAcrossChunks(iterable));

const ExcelJS = require('exceljs') as typeof ExcelJSModule;

// Text already beginning with "'" before such a character gets one more, so that the import's
// taking one off gives back exactly what was written.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** A cell value safe to write to xlsx or CSV: text a spreadsheet would evaluate gets a leading "'". Numbers stay numbers. */
export function neutraliseCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** The text as it was before neutraliseCell (only a "'" followed by one of those characters is taken off). */
export function restoreNeutralised(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/** A row as exceljs takes it (array or object by column key), every text cell neutralised. */
export function neutraliseRow(row: unknown): unknown {
  if (Array.isArray(row)) return row.map(neutraliseCell);
  if (row && typeof row === 'object' && !(row instanceof Date))
    return Object.fromEntries(Object.entries(row as Record<string, unknown>).map(([k, v]) => [k, neutraliseCell(v)]));
  return row;
}

// Both worksheet kinds (in-memory and streaming) neutralise what is added to them, so that no
// writer can forget. (addRows goes through addRow; the readers never call it.)
for (const path of ['exceljs/lib/doc/worksheet.js', 'exceljs/lib/stream/xlsx/worksheet-writer.js']) {
  const proto = (require(require.resolve(path)) as { prototype: { addRow: (value: unknown, ...rest: unknown[]) => unknown } }).prototype;
  const addRow = proto.addRow;
  proto.addRow = function (this: unknown, value: unknown, ...rest: unknown[]) {
    return addRow.call(this, neutraliseRow(value), ...rest);
  };
}
export default ExcelJS;
export type { ExcelJSModule };
