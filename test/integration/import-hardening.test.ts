// Issue 8: the import path under attack (crafted files, probing other districts) and the one set of field rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/domain/uscc.js';
import { multipart, repeatedDeflate, xlsx, xlsxWithPart } from '../support/files.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

const HEADERS = ['统一社会信用代码', '企业名称', '所属区县', '行业大类代码', '成立日期'];
const code = (area: string, n: number) => makeUscc(area, `HD${String(n).padStart(6, '0')}`);
const SST_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
const MB = 1024 * 1024;

describe.each(DATABASE_KINDS)('import hardening on %s', (kind) => {
  let h: Harness;
  let city: string;

  beforeAll(async () => {
    h = await startHarness(kind);
    city = await h.login('city.admin');
  });
  afterAll(() => h.close());

  async function upload(file: Buffer, name: string, url = '/api/enterprises/import?mode=preview', cookie = city) {
    const body = await multipart(file, name);
    return h.app.inject({ method: 'POST', url, headers: { cookie, ...body.headers }, payload: body.payload });
  }
  const health = async () => (await h.app.inject({ method: 'GET', url: '/api/health' })).statusCode;

  describe('crafted files (item 1)', () => {
    const rows = [HEADERS, [code('500153', 1), '重庆炸弹测试有限公司', '荣昌区', '39', '2015-01-01']];
    // The real shape: ~1.2 MB on disk, xl/sharedStrings.xml inflates to 1.2 GB and declares 1,000 bytes.
    const oneHugeString = () =>
      xlsxWithPart(rows, 'xl/sharedStrings.xml', repeatedDeflate(`${SST_HEAD}<si><t>`, 'A'.repeat(MB), 1200, '</t></si></sst>'));
    const manyStrings = () =>
      xlsxWithPart(rows, 'xl/sharedStrings.xml', repeatedDeflate(SST_HEAD, '<si><t>x</t></si>'.repeat(65_536), 300, '</sst>'));
    const deepSheet = () =>
      xlsxWithPart(
        rows,
        'xl/worksheets/sheet1.xml',
        repeatedDeflate('<?xml version="1.0"?><worksheet><sheetData>', '<row>'.repeat(10_000), 10, '</sheetData></worksheet>'),
      );
    const hugeSheet = () =>
      xlsxWithPart(
        rows,
        'xl/worksheets/sheet1.xml',
        repeatedDeflate(
          '<?xml version="1.0"?><worksheet><sheetData>',
          '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(32_768),
          600,
          '</sheetData></worksheet>',
        ),
      );

    it.each([
      ['shared strings of 1.2 GB declaring 1,000 bytes', oneHugeString, 'IMPORT_FILE_TOO_LARGE'],
      ['19,660,800 shared strings', manyStrings, 'IMPORT_FILE_TOO_LARGE'],
      ['a worksheet of 780 MB declaring 1,000 bytes', hugeSheet, 'IMPORT_FILE_TOO_LARGE'],
      ['a worksheet nested 100,000 deep', deepSheet, 'IMPORT_FILE_CORRUPT'],
    ])('refuses %s on preview, commit and import-jobs, and the server answers at once', async (_label, make, errorCode) => {
      const file = await make();
      expect(file.length).toBeLessThan(3 * MB);
      for (const url of ['/api/enterprises/import?mode=preview', '/api/enterprises/import?mode=commit', '/api/enterprises/import-jobs']) {
        const started = Date.now();
        const refused = upload(file, 'bomb.xlsx', url);
        // Another user is served while the file is being checked.
        expect(await health()).toBe(200);
        const response = await refused;
        expect(response.statusCode, `${url} ${response.body}`).toBe(400);
        expect(response.json().code).toBe(errorCode);
        expect(response.json().message).toMatch(/[\u4e00-\u9fa5]/);
        expect(Date.now() - started).toBeLessThan(20_000);
        expect(await health()).toBe(200);
      }
      expect(process.memoryUsage().heapUsed).toBeLessThan(900 * MB);
    });

    it('refuses a title list that is a zip bomb the same way', async () => {
      const response = await upload(await oneHugeString(), 'bomb.xlsx', '/api/enterprises/titles/import?mode=preview&tier=srdi');
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('IMPORT_FILE_TOO_LARGE');
    });

    it('refuses a DOCTYPE (entity definitions) in any part', async () => {
      const file = await xlsxWithPart(
        rows,
        'xl/sharedStrings.xml',
        repeatedDeflate('<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]><sst><si><t>&a;</t></si>', '', 0, '</sst>'),
      );
      const response = await upload(file, 'doctype.xlsx');
      expect(response.json()).toMatchObject({ code: 'IMPORT_FILE_CORRUPT' });
    });

    it.each([
      [1, [0x50]],
      [2, [0x50, 0x4b]],
      [3, [0x50, 0x4b, 0x03]],
    ])('answers an upload of %i byte(s) with 400 and a Chinese message', async (_n, bytes) => {
      for (const name of ['x.xlsx', 'x.csv']) {
        const response = await upload(Buffer.from(bytes), name);
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json().message).toMatch(/[\u4e00-\u9fa5]/);
      }
      const job = await upload(Buffer.from(bytes), 'x.xlsx', '/api/enterprises/import-jobs');
      expect(job.statusCode).toBe(400);
    });

    it('answers a zip whose directory points outside the file with 400', async () => {
      const file = await xlsx(rows);
      const eocd = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      let offset = file.readUInt32LE(eocd + 16);
      while (file.readUInt32LE(offset) === 0x02014b50) {
        const nameLength = file.readUInt16LE(offset + 28);
        if (file.toString('utf8', offset + 46, offset + 46 + nameLength) === 'xl/worksheets/sheet1.xml')
          file.writeUInt32LE(0x7fffffff, offset + 42);
        offset += 46 + nameLength + file.readUInt16LE(offset + 30) + file.readUInt16LE(offset + 32);
      }
      const response = await upload(file, 'broken.xlsx');
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().code).toBe('IMPORT_FILE_CORRUPT');
    });

    it('still reads an ordinary file after all that', async () => {
      const response = await upload(await xlsx(rows), 'ok.xlsx');
      expect(response.json()).toMatchObject({ created: 1, errorCount: 0 });
    });
  });
});
