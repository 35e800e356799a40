// A look inside an .xlsx (a zip) before the spreadsheet reader sees it. The sizes a zip declares
// (central directory and local headers alike) can lie, so every entry is inflated here with a
// byte counter, and its XML is scanned for nesting depth and the number of shared strings; the
// reader then gets a zip rebuilt from exactly the bytes that were checked, so it cannot unpack
// anything else. Merged cells of the first sheet are found on the way (the streaming reader
// skips them: they are listed after the rows).
import { crc32, createInflateRaw } from 'node:zlib';
import { AppError } from '../../../server/errors.js';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  time: number;
  date: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface XlsxLimits {
  /** Bytes actually inflated, all entries together. */
  totalBytes: number;
  /** Bytes actually inflated for one worksheet (streamed by the reader, never held whole). */
  sheetBytes: number;
  /** Bytes for the shared strings (the reader keeps them all in memory). */
  sharedStringsBytes: number;
  /** Bytes for any other entry (styles, workbook, relationships, media …). */
  otherEntryBytes: number;
  /** <si> elements: each becomes a string in memory. */
  sharedStrings: number;
  /** Element nesting in any XML part (a real sheet needs fewer than ten levels). */
  xmlDepth: number;
  entries: number;
}

/** A 200,000-row sheet with every column filled unpacks to ~300 MB; its shared strings to well under 100 MB. */
export const XLSX_LIMITS: XlsxLimits = {
  totalBytes: 400 * 1024 * 1024,
  sheetBytes: 400 * 1024 * 1024,
  sharedStringsBytes: 100 * 1024 * 1024,
  otherEntryBytes: 32 * 1024 * 1024,
  sharedStrings: 2_000_000,
  xmlDepth: 64,
  entries: 10_000,
};

const tooLarge = () => new AppError('IMPORT_FILE_TOO_LARGE', 400, '文件解压后过大（疑似压缩炸弹），已拒绝。请拆分后分批导入');
const corrupt = () => new AppError('IMPORT_FILE_CORRUPT', 400, '文件已损坏或不是有效的 Excel（.xlsx）文件');

/** The central directory; any offset outside the file is a corrupt file, never a crash. */
export function readZipDirectory(buffer: Buffer, maxEntries = XLSX_LIMITS.entries): ZipEntry[] {
  try {
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
    if (count === 0xffff) throw corrupt(); // zip64: no spreadsheet this size is imported
    if (count > maxEntries) throw tooLarge();
    let offset = buffer.readUInt32LE(eocd + 16);
    const entries: ZipEntry[] = [];
    const names = new Set<string>();
    for (let i = 0; i < count; i++) {
      if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) throw corrupt();
      const nameLength = buffer.readUInt16LE(offset + 28);
      const extraLength = buffer.readUInt16LE(offset + 30);
      const commentLength = buffer.readUInt16LE(offset + 32);
      if (offset + 46 + nameLength > buffer.length) throw corrupt();
      const entry: ZipEntry = {
        flags: buffer.readUInt16LE(offset + 8),
        method: buffer.readUInt16LE(offset + 10),
        time: buffer.readUInt16LE(offset + 12),
        date: buffer.readUInt16LE(offset + 14),
        crc: buffer.readUInt32LE(offset + 16),
        compressedSize: buffer.readUInt32LE(offset + 20),
        uncompressedSize: buffer.readUInt32LE(offset + 24),
        localHeaderOffset: buffer.readUInt32LE(offset + 42),
        name: buffer.toString('utf8', offset + 46, offset + 46 + nameLength),
      };
      if (entry.compressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) throw corrupt();
      // Two entries of one name: the reader and this check could read different ones.
      if (names.has(entry.name)) throw corrupt();
      names.add(entry.name);
      entries.push(entry);
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw corrupt(); // RangeError from a field that points outside the file
  }
}

/** Where an entry's compressed bytes are, from its local header. */
function entryData(buffer: Buffer, entry: ZipEntry): Buffer {
  const local = entry.localHeaderOffset;
  if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50) throw corrupt();
  const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
  if (start + entry.compressedSize > buffer.length) throw corrupt();
  return buffer.subarray(start, start + entry.compressedSize);
}

/** The entry's content chunk by chunk, counted as it is inflated; stops at `limit` bytes. */
async function inflateCounted(data: Buffer, method: number, limit: number, onChunk: (chunk: Buffer) => void): Promise<number> {
  const SLICE = 64 * 1024;
  if (method === 0) {
    if (data.length > limit) throw tooLarge();
    for (let i = 0; i < data.length; i += SLICE) onChunk(data.subarray(i, i + SLICE));
    return data.length;
  }
  if (method !== 8) throw corrupt();
  const inflate = createInflateRaw({ chunkSize: SLICE });
  inflate.end(data);
  let total = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) throw tooLarge();
      onChunk(chunk);
    }
  } catch (error) {
    inflate.destroy();
    if (error instanceof AppError) throw error;
    throw corrupt();
  }
  return total;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const S = { Text: 0, Open: 1, Name: 2, Attributes: 3, Quoted: 4, Close: 5, Bang: 6, Until: 7 } as const;
/** The last bytes of an element name "si" or "x:si". */
const SI = 0x7369;
const COLON_SI = 0x3a7369;

/**
 * Element depth and <si> count of an XML byte stream, fed chunk by chunk. Comments, CDATA and
 * processing instructions are skipped as XML defines them, so they cannot hide closing tags;
 * a DOCTYPE (entity definitions) has no place in a spreadsheet and is refused. The loops keep
 * their state in locals and run over the bytes: a 400 MB part takes about a second.
 */
export class XmlScanner {
  depth = 0;
  sharedStrings = 0;
  private state: number = S.Text;
  /** Length and last three bytes of the element name being read. */
  private nameLength = 0;
  private nameTail = 0;
  private quote = 0;
  private previous = 0;
  private bang = '';
  private until = '';
  private matched = 0;

  constructor(private readonly limits: Pick<XlsxLimits, 'xmlDepth' | 'sharedStrings'>) {}

  write(b: Buffer): void {
    const n = b.length;
    let i = 0;
    let state = this.state;
    let depth = this.depth;
    try {
      while (i < n) {
        if (state === S.Text) {
          // Plain loops, not indexOf: between the tags of a sheet there are only a few bytes.
          while (i < n && b[i] !== LT) i++;
          if (i === n) break;
          i++;
          state = S.Open;
        } else if (state === S.Open) {
          const c = b[i];
          if (c === SLASH) {
            state = S.Close;
            i++;
          } else if (c === 0x3f /* ? */) {
            state = this.skipUntil('?>');
            i++;
          } else if (c === 0x21 /* ! */) {
            this.bang = '';
            state = S.Bang;
            i++;
          } else {
            if (++depth > this.limits.xmlDepth)
              throw new AppError('IMPORT_FILE_CORRUPT', 400, `文件结构异常：XML 嵌套超过 ${this.limits.xmlDepth} 层，已拒绝`);
            this.nameLength = 0;
            this.nameTail = 0;
            state = S.Name;
          }
        } else if (state === S.Name) {
          let length = this.nameLength;
          let tail = this.nameTail;
          let c = 0;
          while (i < n) {
            c = b[i];
            if (c <= 0x20 || c === SLASH || c === GT) break;
            tail = ((tail << 8) | c) & 0xffffff;
            length++;
            i++;
          }
          this.nameLength = length;
          this.nameTail = tail;
          if (i === n) break; // the name goes on in the next chunk
          if (
            ((length === 2 && (tail & 0xffff) === SI) || (length > 2 && tail === COLON_SI)) &&
            ++this.sharedStrings > this.limits.sharedStrings
          )
            throw tooLarge();
          this.previous = 0;
          state = S.Attributes;
        } else if (state === S.Attributes) {
          let previous = this.previous;
          while (i < n) {
            const c = b[i++];
            if (c === GT) {
              if (previous === SLASH) depth--;
              state = S.Text;
              break;
            }
            if (c === 0x22 || c === 0x27) {
              this.quote = c;
              state = S.Quoted;
              break;
            }
            previous = c;
          }
          this.previous = previous;
        } else if (state === S.Quoted) {
          const quote = this.quote;
          while (i < n && b[i] !== quote) i++;
          if (i === n) break;
          i++;
          this.previous = quote;
          state = S.Attributes;
        } else if (state === S.Close) {
          while (i < n && b[i] !== GT) i++;
          if (i === n) break;
          i++;
          depth = Math.max(0, depth - 1);
          state = S.Text;
        } else if (state === S.Bang) {
          this.bang += String.fromCharCode(b[i++]);
          const bang = this.bang.toUpperCase();
          if (bang === '--') state = this.skipUntil('-->');
          else if (bang === '[CDATA[') state = this.skipUntil(']]>');
          else if (bang === 'DOCTYPE')
            throw new AppError('IMPORT_FILE_CORRUPT', 400, '文件含有 Excel 文件中不应出现的 XML 文档类型声明（DOCTYPE），已拒绝');
          else if (!['--', '[CDATA[', 'DOCTYPE'].some((p) => p.startsWith(bang))) throw corrupt();
        } else {
          // S.Until: the end of a comment, CDATA section or processing instruction.
          const end = this.until;
          const first = end.charCodeAt(0);
          let matched = this.matched;
          if (matched === 0) {
            const j = b.indexOf(first, i);
            if (j < 0) break;
            i = j;
          }
          const c = b[i++];
          if (c === end.charCodeAt(matched)) {
            if (++matched === end.length) {
              matched = 0;
              state = S.Text;
            }
          } else if (c === first) {
            // "--->" or "]]]>": what was matched so far still ends in the opening characters.
            matched = end[1] === end[0] && matched >= 1 ? matched : 1;
          } else matched = 0;
          this.matched = matched;
        }
      }
    } finally {
      this.state = state;
      this.depth = depth;
    }
  }

  /** A new document (the next part): the count of shared strings goes on. */
  reset(): void {
    this.state = S.Text;
    this.depth = 0;
    this.matched = 0;
  }

  private skipUntil(end: string): number {
    this.until = end;
    this.matched = 0;
    return S.Until;
  }
}

const isSheet = (name: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name);
const isXml = (name: string) => /\.(xml|rels|vml)$/i.test(name);

export interface CheckedXlsx {
  /** The same entries, rebuilt with their true sizes: the only bytes the reader gets. */
  zip: Buffer;
  /** Merged ranges ("A3:A5") of `sheetPath`. */
  merged: string[];
}

/** Inflates and scans every entry within the limits, then rebuilds the zip from the checked bytes. */
export async function checkXlsx(
  buffer: Buffer,
  entries: ZipEntry[],
  sheetPath: string,
  limits: XlsxLimits = XLSX_LIMITS,
): Promise<CheckedXlsx> {
  let total = 0;
  const merged = new Set<string>();
  const scanner = new XmlScanner(limits);
  const parts: { entry: ZipEntry; data: Buffer; size: number }[] = [];
  for (const entry of entries) {
    const data = entryData(buffer, entry);
    if (entry.name.endsWith('/') && data.length === 0) continue; // a directory
    const entryLimit = isSheet(entry.name)
      ? limits.sheetBytes
      : entry.name === 'xl/sharedStrings.xml'
        ? limits.sharedStringsBytes
        : limits.otherEntryBytes;
    const xml = isXml(entry.name);
    scanner.reset();
    let carry = Buffer.alloc(0);
    const pattern = /<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"/g;
    const size = await inflateCounted(data, entry.method, Math.min(entryLimit, limits.totalBytes - total), (chunk) => {
      if (xml) scanner.write(chunk);
      if (entry.name === sheetPath) {
        const region = Buffer.concat([carry, chunk]);
        if (region.includes('mergeCell')) for (const m of region.toString('latin1').matchAll(pattern)) merged.add(m[1]);
        carry = region.subarray(Math.max(0, region.length - 200));
      }
    });
    total += size;
    parts.push({ entry, data, size });
  }
  return { zip: rebuildZip(readerOrder(parts)), merged: [...merged] };
}

type Part = { entry: ZipEntry; data: Buffer; size: number };

/** The parts exceljs' streaming reader needs before any worksheet, in the order it needs them. */
const READER_FIRST = ['_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

/**
 * The parts in the order exceljs' streaming reader (WorkbookReader) can use them: relationships,
 * workbook, shared strings and styles before the worksheets. Excel and exceljs itself write
 * xl/workbook.xml and often xl/sharedStrings.xml after the sheets; the reader then copies each sheet
 * to a temporary file (leaking its descriptor: exceljs never closes the one `tmp.file` opens) and
 * reads it after the last entry, and on Node ≥ 18 that last pass can meet a workbook model that is
 * not there yet (exceljs #3064): an intermittent "cannot read" on an unchanged file. A workbook
 * without shared strings (inline strings only) gets an empty table, so that its sheets stream too.
 */
function readerOrder(parts: Part[]): Part[] {
  const rank = (name: string) => {
    const first = READER_FIRST.indexOf(name);
    return first >= 0 ? first : isSheet(name) ? READER_FIRST.length + 1 : READER_FIRST.length;
  };
  const ordered = parts.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p.entry.name) - rank(b.p.entry.name) || a.i - b.i);
  const out = ordered.map(({ p }) => p);
  if (!parts.some((p) => p.entry.name === 'xl/sharedStrings.xml')) {
    const at = out.findIndex((p) => rank(p.entry.name) > READER_FIRST.indexOf('xl/sharedStrings.xml'));
    const entry: ZipEntry = {
      name: 'xl/sharedStrings.xml',
      method: 0,
      flags: 0,
      crc: crc32(EMPTY_SHARED_STRINGS),
      time: 0,
      date: 0x21, // 1980-01-01
      compressedSize: EMPTY_SHARED_STRINGS.length,
      uncompressedSize: EMPTY_SHARED_STRINGS.length,
      localHeaderOffset: 0,
    };
    out.splice(at < 0 ? out.length : at, 0, { entry, data: EMPTY_SHARED_STRINGS, size: EMPTY_SHARED_STRINGS.length });
  }
  return out;
}

/** Local headers, central directory and end record written anew: true sizes, no data descriptors, no extra fields. */
function rebuildZip(parts: Part[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { entry, data, size } of parts) {
    const name = Buffer.from(entry.name, 'utf8');
    const flags = entry.flags & 0x0800; // keep "name is UTF-8", drop "sizes follow the data"
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(entry.time, 10);
    local.writeUInt16LE(entry.date, 12);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt16LE(entry.time, 12);
    header.writeUInt16LE(entry.date, 14);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    out.push(local, name, data);
    offset += 30 + name.length + data.length;
  }
  const centralSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, ...central, end]);
}
