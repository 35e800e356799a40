import { deflateRawSync, inflateRawSync, constants as zlibConstants } from 'node:zlib';
import { readZipDirectory } from '../../src/modules/enterprises/import/zip-inspect.js';
import ExcelJS from '../../src/server/exceljs.js';

export type CellInput = string | number | Date | null | { formula: string; result: number | string };

/** An .xlsx built the way Excel would save it: optional title rows and merged ranges. */
export async function xlsx(rows: CellInput[][], { merges = [] as string[] } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row.map((c) => c ?? undefined));
  for (const m of merges) sheet.mergeCells(m);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A multipart/form-data body with one file field, for app.inject. */
export async function multipart(file: Buffer, fileName: string, field = 'file') {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(file)]), fileName);
  const request = new Request('http://local/upload', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type') as string } };
}

/** Reads the first sheet back as arrays of cell values (for checking exports and error reports). */
export async function readXlsx(buffer: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** The entries of a zip (an .xlsx) by name, inflated. */
export function unzipEntries(buffer: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  for (const e of readZipDirectory(buffer)) {
    const local = e.localHeaderOffset;
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + e.compressedSize);
    entries.set(e.name, e.method === 0 ? Buffer.from(data) : inflateRawSync(data));
  }
  return entries;
}

export interface RawZipEntry {
  name: string;
  /** Raw deflate data (method 8). */
  deflated: Buffer;
  /** The uncompressed size the headers declare (a bomb lies here). */
  declaredSize: number;
}

/** A zip of raw deflate entries whose local headers and central directory both declare `declaredSize`. */
export function zipOf(entries: RawZipEntry[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(e.deflated.length, 20);
    header.writeUInt32LE(e.declaredSize, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    out.push(local, name, e.deflated);
    central.push(header, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const size = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, ...central, end]);
}

/**
 * Raw deflate of head + body × times + tail, built in milliseconds whatever `times` is: each
 * piece ends with a full flush (a fresh dictionary), so one compressed body can be repeated.
 */
export function repeatedDeflate(head: string, body: string, times: number, tail: string): Buffer {
  const piece = (text: string) => deflateRawSync(Buffer.from(text), { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH });
  const compressedBody = piece(body);
  return Buffer.concat([piece(head), ...new Array<Buffer>(times).fill(compressedBody), deflateRawSync(Buffer.from(tail))]);
}

/**
 * An .xlsx of `rows` with one part replaced by `part` (raw deflate) that declares only
 * `declaredSize` bytes, the other parts declaring their true sizes.
 */
export async function xlsxWithPart(rows: CellInput[][], partName: string, part: Buffer, declaredSize = 1000): Promise<Buffer> {
  const entries = [...unzipEntries(await xlsx(rows))].map(([name, data]) =>
    name === partName ? { name, deflated: part, declaredSize } : { name, deflated: deflateRawSync(data), declaredSize: data.length },
  );
  if (!entries.some((e) => e.name === partName)) entries.push({ name: partName, deflated: part, declaredSize });
  return zipOf(entries);
}
