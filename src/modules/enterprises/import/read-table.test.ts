import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../../server/exceljs.js';
import { readTable } from './read-table.js';
import { checkXlsx, readZipDirectory } from './zip-inspect.js';

async function workbook(sharedStrings: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('企业信息');
  sheet.addRow(['统一社会信用代码', '企业名称']);
  for (let i = 0; i < 20; i++) sheet.addRow([`91500153MB00000${i}X`, `重庆测试${i}号科技有限公司`]);
  if (!sharedStrings) {
    // As the benchmark writes its files: the streaming writer, strings inline.
    const dir = mkdtempSync(path.join(tmpdir(), 'zjtx-read-table-'));
    const filename = path.join(dir, 'inline.xlsx');
    const stream = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useSharedStrings: false });
    const s = stream.addWorksheet('企业信息');
    s.addRow(['统一社会信用代码', '企业名称']).commit();
    for (let i = 0; i < 20; i++) s.addRow([`91500153MB00000${i}X`, `重庆测试${i}号科技有限公司`]).commit();
    s.commit();
    await stream.commit();
    const bytes = readFileSync(filename);
    rmSync(dir, { recursive: true });
    return bytes;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const openDescriptors = () => readdirSync('/proc/self/fd').length;

describe('the xlsx the reader gets', () => {
  it('has the workbook, its relationships, shared strings and styles before the sheets (exceljs writes workbook.xml last)', async () => {
    const file = await workbook(true);
    const written = readZipDirectory(file).map((e) => e.name);
    expect(written.indexOf('xl/workbook.xml')).toBeGreaterThan(written.indexOf('xl/worksheets/sheet1.xml'));
    const { zip } = await checkXlsx(file, readZipDirectory(file), 'xl/worksheets/sheet1.xml');
    const names = readZipDirectory(zip).map((e) => e.name);
    const sheet = names.indexOf('xl/worksheets/sheet1.xml');
    for (const part of ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'])
      expect(names.indexOf(part), part).toBeLessThan(sheet);
    expect(names.sort()).toEqual(written.filter((n) => !n.endsWith('/')).sort()); // directories dropped, nothing else
  });

  it.each([
    ['with shared strings', true],
    ['with inline strings only', false],
  ])('reads a sheet %s as it streams: no temporary file, no descriptor left open, every row', async (_, shared) => {
    const file = await workbook(shared);
    const before = openDescriptors();
    for (let i = 0; i < 20; i++) {
      const table = await readTable(file, 'a.xlsx');
      const rows = [];
      for await (const row of table.rows) rows.push(row);
      expect(rows).toHaveLength(21);
      expect(rows[20].cells).toEqual(['91500153MB0000019X', '重庆测试19号科技有限公司']);
    }
    // exceljs copies a sheet that comes before the shared strings to a tmp file and never closes its descriptor.
    expect(openDescriptors() - before).toBeLessThan(3);
  });
});
