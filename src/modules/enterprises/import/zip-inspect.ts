// A look inside an .xlsx (a zip) before handing it to the spreadsheet reader: refuse zip bombs,
// and find merged cells, which the streaming reader skips (they are listed after the rows).
import { createInflateRaw } from 'node:zlib';
import { AppError } from '../../../server/errors.js';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Uncompressed content an import may hold in all; a 100,000-row sheet is ~60 MB. */
export const MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024;
const MAX_RATIO = 200;

export function readZipDirectory(buffer: Buffer): ZipEntry[] {
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_557); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) throw corrupt();
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    entries.push({
      method: buffer.readUInt16LE(offset + 10),
      compressedSize: buffer.readUInt32LE(offset + 20),
      uncompressedSize: buffer.readUInt32LE(offset + 24),
      localHeaderOffset: buffer.readUInt32LE(offset + 42),
      name: buffer.toString('utf8', offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses archives that would unpack to far more than a real spreadsheet. */
export function assertNotZipBomb(entries: ZipEntry[]): void {
  const total = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  const compressed = entries.reduce((s, e) => s + e.compressedSize, 0);
  if (total > MAX_UNCOMPRESSED_BYTES || (compressed > 0 && total / compressed > MAX_RATIO && total > 50 * 1024 * 1024)) {
    throw new AppError('IMPORT_FILE_TOO_LARGE', 400, '文件解压后过大（疑似压缩炸弹），已拒绝。请拆分后分批导入');
  }
}

function entryStream(buffer: Buffer, entry: ZipEntry) {
  const local = entry.localHeaderOffset;
  if (buffer.readUInt32LE(local) !== 0x04034b50) throw corrupt();
  const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return [data];
  if (entry.method !== 8) throw corrupt();
  const inflate = createInflateRaw();
  inflate.end(data);
  return inflate;
}

/** Merged ranges ("A3:A5") of the first worksheet, found by streaming through its XML. */
export async function findMergedRanges(buffer: Buffer, entries: ZipEntry[], sheetPath: string): Promise<string[]> {
  const entry = entries.find((e) => e.name === sheetPath) ?? entries.find((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
  if (!entry) return [];
  const ranges: string[] = [];
  let carry = '';
  const pattern = /<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"/g;
  for await (const chunk of entryStream(buffer, entry)) {
    const text = carry + (chunk as Buffer).toString('latin1');
    for (const m of text.matchAll(pattern)) ranges.push(m[1]);
    carry = text.slice(-200);
    pattern.lastIndex = 0;
  }
  return [...new Set(ranges)];
}

const corrupt = () => new AppError('IMPORT_FILE_CORRUPT', 400, '文件已损坏或不是有效的 Excel（.xlsx）文件');
