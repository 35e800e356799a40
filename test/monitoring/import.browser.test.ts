// 月报导入 in a real browser: a district uploads a month's file, reads the errors by row and column,
// fixes the file and commits it.
import { readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/domain/uscc.js';
import { REPORT_COLUMNS } from '../../src/modules/monitoring/import-columns.js';
import { type CellInput, xlsx } from '../support/files.js';
import { startWeb, type WebHarness } from '../support/web.js';

const OUT = 'test-results';
const HEADERS = REPORT_COLUMNS.map((c) => c.header);
const row = (uscc: string, name: string, v: Record<string, CellInput>): CellInput[] =>
  REPORT_COLUMNS.map((c) => (c.key === 'uscc' ? uscc : c.key === 'name' ? name : (v[c.key] ?? null)));

describe('the 月报导入 page in a real browser', () => {
  let web: WebHarness;
  const firms: { uscc: string; name: string }[] = [];
  beforeAll(async () => {
    web = await startWeb();
    for (let n = 1; n <= 2; n++) {
      const uscc = makeUscc('500153', `MW${String(n).padStart(6, '0')}`);
      const name = `重庆月报页面测试${n}号机械有限公司`;
      const [{ id }] = await web.h.owner.query<{ id: string }>(
        `insert into enterprises (uscc, name, district_code, industry_code, size_class) values ($1, $2, '500153', '34', 'small') returning id`,
        [uscc, name],
      );
      await web.h.owner.query(`insert into monitoring_sample (enterprise_id, status, reason) values ($1, 'in', '线下报送')`, [id]);
      firms.push({ uscc, name });
    }
  });
  afterAll(() => web?.close());

  it('shows the errors by row and column, imports nothing, then commits the corrected file', async () => {
    const page = await web.logIn('rongchang.admin');
    await page.goto(`${web.baseUrl}/monitoring/import?period=2026-11`);
    await page.getByText('尚未上传文件').waitFor();
    expect(await page.getByRole('link', { name: /下载2026年11月导入模板/ }).getAttribute('href')).toBe(
      '/api/monitoring/import-template.xlsx?period=2026-11',
    );
    const values = { revenueYtd: '1200.5', profitYtd: 80, outputYtd: 1100, employees: 45, 'survey.orders': '持平' };
    const bad = await xlsx([
      HEADERS,
      row(firms[0].uscc, firms[0].name, values),
      row(firms[1].uscc, firms[1].name, { ...values, profitYtd: '八十' }),
    ]);
    writeFileSync(`${OUT}/monitoring-import-bad.xlsx`, bad);
    await page.locator('input[type=file]').first().setInputFiles(`${OUT}/monitoring-import-bad.xlsx`);
    const result = page.getByTestId('import-result');
    await result.getByText(/^错误明细（共/).waitFor({ timeout: 20_000 });
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('利润总额（累计）（万元）');
    expect(text).toContain('利润总额（累计）（万元）“八十”不是有效数字');
    expect(text).toContain('有错误时不能导入');
    expect(text).not.toMatch(/profitYtd|AMOUNT_INVALID|undefined|NaN/);
    expect(await result.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await page.screenshot({ path: `${OUT}/monitoring-import-errors.png`, fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), result.getByRole('button', { name: '下载错误明细' }).click()]);
    expect(download.suggestedFilename()).toBe('月报导入错误-monitoring-import-bad.csv');
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv).toBe(
      '\uFEFF"行号","列","说明"\r\n"3","利润总额（累计）（万元）","利润总额（累计）（万元）“八十”不是有效数字，请填写以万元为单位的数值"\r\n',
    );
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    const fixed = await xlsx([HEADERS, row(firms[0].uscc, firms[0].name, values), row(firms[1].uscc, firms[1].name, values)]);
    writeFileSync(`${OUT}/monitoring-import-fixed.xlsx`, fixed);
    await page.locator('input[type=file]').first().setInputFiles(`${OUT}/monitoring-import-fixed.xlsx`);
    const commit = result.getByRole('button', { name: '确认导入' });
    await expect.poll(() => commit.isEnabled(), { timeout: 20_000 }).toBe(true);
    await commit.click();
    const done = page.getByTestId('import-done');
    await done.waitFor({ timeout: 20_000 });
    expect(await done.textContent()).toContain('导入完成：2026年11月月报新增 2 份、更新 0 份，已计入运行分析');
    await page.screenshot({ path: `${OUT}/monitoring-import-done.png`, fullPage: true });
    expect(
      await web.h.count(
        `select count(*) as n from monitoring_reports r join enterprises e on e.id = r.enterprise_id where e.uscc = any($1) and r.status = 'accepted'`,
        [firms.map((f) => f.uscc)],
      ),
    ).toBe(2);
    await page.close();
  });
});
