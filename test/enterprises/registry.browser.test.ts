import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/domain/uscc.js';
import { readXlsx, xlsx } from '../support/files.js';
import type { Harness } from '../support/harness.js';
import { startWeb, type WebHarness } from '../support/web.js';

const OUT = 'test-results';
const HEADERS = ['统一社会信用代码', '企业名称', '所属区县', '行业大类代码', '成立日期', '年度', '营业收入（万元）', '从业人员（人）'];
const uscc = (n: number) => makeUscc('500153', `MC${String(n).padStart(6, '0')}`);

describe('the registry in a real browser', () => {
  let web: WebHarness;
  let h: Harness;
  beforeAll(async () => {
    web = await startWeb();
    h = web.h;
  });
  afterAll(() => web?.close());

  const logIn = (username: string) => web.logIn(username);

  it('uploads a file, shows the errors, gives the error report, then commits a corrected file', async () => {
    const page = await logIn('rongchang.admin');
    await page.goto(`${web.baseUrl}/enterprises/import`);
    const bad = await xlsx([
      HEADERS,
      [uscc(1), '重庆浏览器测试一号有限公司', '荣昌区', '39', '2016-05-01', 2025, '1500.5', 60],
      [uscc(2), '重庆浏览器测试二号有限公司', '火星区', '39', '2016-05-01', 2025, '900', 30],
    ]);
    writeFileSync(`${OUT}/bad.xlsx`, bad);
    await page.locator('input[type=file]').first().setInputFiles(`${OUT}/bad.xlsx`);
    const job = page.getByTestId('import-job');
    await expect.poll(() => job.getByText('未知的区县“火星区”').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('button', { name: /确认导入/ }).isDisabled()).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载错误报告/ }).click()]);
    const reportPath = `${OUT}/error-report.xlsx`;
    await download.saveAs(reportPath);
    const report = await readXlsx(readFileSync(reportPath));
    expect(report[1]).toEqual([3, '所属区县', 'DISTRICT_UNKNOWN', '未知的区县“火星区”']);
    await page.screenshot({ path: `${OUT}/import-preview-errors.png`, fullPage: true });

    const good = await xlsx([
      HEADERS,
      [uscc(1), '重庆浏览器测试一号有限公司', '荣昌区', '39', '2016-05-01', 2025, '1500.5', 60],
      [uscc(2), '重庆浏览器测试二号有限公司', '荣昌', '39', '2016-05-01', 2025, '900', 30],
    ]);
    writeFileSync(`${OUT}/good.xlsx`, good);
    await page.locator('input[type=file]').first().setInputFiles(`${OUT}/good.xlsx`);
    const confirm = page.getByRole('button', { name: /确认导入/ });
    await expect.poll(() => confirm.isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await h.count('select count(*) as n from enterprises where uscc = any($1)', [[uscc(1), uscc(2)]])).toBe(0);
    await confirm.click();
    await page.getByTestId('import-done').waitFor({ timeout: 15_000 });
    expect(await h.count('select count(*) as n from enterprises where uscc = any($1)', [[uscc(1), uscc(2)]])).toBe(2);
    await page.screenshot({ path: `${OUT}/import-done.png`, fullPage: true });
    await page.close();
  });

  it('says 未做修改 for a save without changes, refuses a niche-entry year after this year next to the field, links a duplicate USCC in scope', async () => {
    const [{ id }] = await h.database.query<{ id: string }>("select enterprise_id as id from users where username = 'demo.enterprise'");
    const audits = () => h.count('select count(*) as n from audit_log where entity_id = $1', [id]);
    const before = await audits();
    const page = await logIn('rongchang.admin');
    await page.goto(`${web.baseUrl}/enterprises/${id}`);
    await page
      .getByRole('button', { name: /编\s*辑/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('未做修改').waitFor();
    expect(await audits()).toBe(before);

    await page
      .getByRole('button', { name: /编\s*辑/ })
      .first()
      .click();
    const year = page.getByRole('dialog').getByLabel('进入细分市场年份');
    const later = new Date().getFullYear() + 4;
    await year.fill(String(later));
    await year.blur();
    // Not clamped to this year: the value stays as typed and the rule is said beside it.
    expect(await year.inputValue()).toBe(String(later));
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.getByText(/进入细分市场年份不能晚于/).waitFor();
    expect(await audits()).toBe(before);
    await page.screenshot({ path: `${OUT}/enterprise-form-niche-year.png` });
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();

    // A USCC already registered in the officer's own district: named, with the way to it.
    const [other] = await h.database.query<{ uscc: string; name: string }>(
      "select uscc, name from enterprises where district_code = '500153' and id <> $1 limit 1",
      [id],
    );
    await page
      .getByRole('button', { name: /编\s*辑/ })
      .first()
      .click();
    await page.getByRole('dialog').getByLabel('统一社会信用代码').fill(other.uscc);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.getByText(other.name, { exact: false }).first().waitFor();
    await page.getByRole('link', { name: '打开已登记的该企业' }).click();
    await page.getByRole('heading', { name: new RegExp(other.name) }).waitFor();
    expect(await audits()).toBe(before);
    await page.close();
  }, 90_000);

  it('finds an enterprise by part of its name, opens its page and exports the filtered list', async () => {
    const page = await logIn('rongchang.admin');
    await page.goto(`${web.baseUrl}/enterprises`);
    const search = page.getByPlaceholder('企业名称（任意部分）或信用代码');
    await search.fill('浏览器测试二号');
    await search.press('Enter');
    await expect.poll(() => page.getByRole('link', { name: '重庆浏览器测试二号有限公司' }).count()).toBe(1);
    expect(page.url()).toContain('q=');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    await download.saveAs(`${OUT}/export.xlsx`);
    const rows = await readXlsx(readFileSync(`${OUT}/export.xlsx`));
    expect(rows.map((r) => r[1])).toEqual(['企业名称', '重庆浏览器测试二号有限公司']);
    await page.getByRole('link', { name: '重庆浏览器测试二号有限公司' }).click();
    await expect.poll(() => page.getByText('900').count()).toBeGreaterThan(0);
    await page.getByRole('tab', { name: '变更记录' }).click();
    await expect.poll(() => page.getByText(/导入新增/).count()).toBe(1);
    await page.screenshot({ path: `${OUT}/enterprise-page.png`, fullPage: true });
    await page.close();
  });
});
