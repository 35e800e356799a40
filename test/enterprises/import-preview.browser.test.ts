// Issue 8 item 21: before an import overwrites anything, the preview says per enterprise what changes from what to what.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/domain/uscc.js';
import { multipart, xlsx } from '../support/files.js';
import { startWeb, type WebHarness } from '../support/web.js';

const OUT = 'test-results';
const HEADERS = [
  '统一社会信用代码',
  '企业名称',
  '所属区县',
  '行业大类代码',
  '成立日期',
  '上市情况',
  '年度',
  '营业收入（万元）',
  '从业人员（人）',
];
const uscc = makeUscc('500153', 'MP000001');

describe('the import preview of updates in a real browser', () => {
  let web: WebHarness;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(() => web?.close());

  it('lists each updated enterprise with its changed fields in Chinese, amounts in 万元', async () => {
    const cookie = await web.h.login('rongchang.admin');
    const base = await xlsx([HEADERS, [uscc, '重庆预览变更测试有限公司', '荣昌区', '39', '2016-05-01', '未上市', 2025, '1500.5', 60]]);
    const body = await multipart(base, 'base.xlsx');
    const committed = await web.h.app.inject({
      method: 'POST',
      url: '/api/enterprises/import?mode=commit',
      headers: { cookie, ...body.headers },
      payload: body.payload,
    });
    expect(committed.json()).toMatchObject({ created: 1, committed: true });

    const page = await web.logIn('rongchang.admin');
    await page.goto(`${web.baseUrl}/enterprises/import`);
    const changed = await xlsx([HEADERS, [uscc, '重庆预览变更测试有限公司', '荣昌区', '39', '2016-05-01', '新三板', 2025, '16000', 1200]]);
    writeFileSync(`${OUT}/changed.xlsx`, changed);
    await page.locator('input[type=file]').first().setInputFiles(`${OUT}/changed.xlsx`);
    const updates = page.getByTestId('import-updates');
    await updates.waitFor({ timeout: 15_000 });
    const text = (await updates.textContent()) ?? '';
    expect(text).toContain('重庆预览变更测试有限公司');
    expect(text).toContain('上市情况：未上市 → 新三板挂牌');
    expect(text).toContain('2025 年营业收入：1,500.50 万元 → 16,000.00 万元');
    expect(text).toContain('2025 年从业人员：60 人 → 1,200 人');
    expect(text).not.toMatch(/revenue|listingStatus|15005000/);
    await page.screenshot({ path: `${OUT}/import-preview-updates.png`, fullPage: true });
    await page.close();
  });

  it('says in the form what the API and the import say about a phone "=1+2", a bidi character and a niche year before the founding', async () => {
    const page = await web.logIn('rongchang.admin');
    await page.goto(`${web.baseUrl}/enterprises`);
    await page.getByRole('button', { name: /新增企业/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('企业名称').fill('重庆\u202e司公限有');
    await dialog.getByLabel('成立日期').fill('2015-03-01');
    await dialog.getByLabel('成立日期').press('Enter');
    await dialog.getByLabel('进入细分市场年份').fill('2010');
    await dialog.getByLabel('联系电话').fill('=1+2');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('电话号码格式不正确：只能含数字、空格和 + - ( )，共 5～20 位').waitFor({ timeout: 10_000 });
    await dialog.getByText('企业名称含有不允许的控制字符或方向控制字符').waitFor();
    await dialog.getByText('进入细分市场年份不能早于成立年份（2015 年）').waitFor();
    await page.close();
  });
});
