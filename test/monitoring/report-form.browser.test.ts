import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeb, type WebHarness } from '../support/web.js';

// Codes, raw ids and English labels that must never reach the screen.
const CODES =
  /\b(needs_explanation|accepted|returned|revenueYtd|profitYtd|outputYtd|rdExpenseYtd|employees|MONITORING_[A-Z_]+|VALIDATION_FAILED|up|flat|down|undefined|null|NaN)\b|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** The month before this one (Asia/Shanghai) as 'YYYY-MM', and the periods around it. */
function periods() {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number);
  const back = (year: number, month: number, n: number) => {
    const i = year * 12 + (month - 1) - n;
    return { year: Math.floor(i / 12), month: (i % 12) + 1 };
  };
  const fmt = (p: { year: number; month: number }) => `${p.year}-${String(p.month).padStart(2, '0')}`;
  const cur = back(y, m, 1);
  return {
    period: fmt(cur),
    month: cur.month,
    label: `${cur.year}年${cur.month}月`,
    lastYear: fmt({ year: cur.year - 1, month: cur.month }),
    // Only within the same year: January has no last month to compare.
    lastMonth: cur.month > 1 ? fmt(back(cur.year, cur.month, 1)) : null,
    earlier: fmt(back(y, m, 2)),
  };
}

describe('the monthly report (月报) in a real browser', () => {
  let web: WebHarness;
  let demoId: string;
  let otherId: string;
  let otherName: string;
  const p = periods();

  const put = async (username: string, enterpriseId: string, period: string, body: Record<string, unknown>) => {
    const cookie = await web.h.login(username);
    const response = await web.h.app.inject({
      method: 'PUT',
      url: `/api/monitoring/reports/${enterpriseId}/${period}`,
      headers: { cookie },
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const stored = (enterpriseId: string, period: string) =>
    web.h.owner.query<{
      status: string;
      revenue_ytd: string;
      revenue_month: string | null;
      version: number;
      entered_by: string;
      explanations: Record<string, string>;
      survey_orders: string | null;
      suggestions: string | null;
    }>(
      `select status, revenue_ytd, revenue_month, version, entered_by, explanations, survey_orders, suggestions
       from monitoring_reports where enterprise_id = $1 and year = $2 and month = $3`,
      [enterpriseId, Number(period.slice(0, 4)), Number(period.slice(5, 7))],
    );
  const shot = async (page: Page, name: string) => {
    await page.screenshot({ path: `test-results/monitoring-${name}.png`, fullPage: true });
    expect(await page.locator('body').textContent(), name).not.toMatch(CODES);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `width of ${name}`).toBeLessThanOrEqual(0);
    // No serious accessibility violation (GB/T 37668: WCAG 2.x AA); the pointer off any button (hover colours).
    await page.mouse.move(0, 0);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
    expect(serious, name).toEqual([]);
  };
  /** An antd number input by its label: cleared, typed. */
  const fill = async (page: Page, label: string, value: string) => {
    const input = page.getByLabel(label);
    await input.fill(value);
  };

  beforeAll(async () => {
    web = await startWeb();
    [{ id: demoId }] = await web.h.owner.query<{ id: string }>(
      `select e.id from enterprises e join users u on u.enterprise_id = e.id where u.username = 'demo.enterprise'`,
    );
    // A firm of the district that reports offline: the district takes it into the sample (代报 follows).
    [{ id: otherId, name: otherName }] = await web.h.owner.query<{ id: string; name: string }>(
      `select id, name from enterprises e where district_code = '500153' and id <> $1
       and not exists (select 1 from monitoring_reports r where r.enterprise_id = e.id and r.year = $2 and r.month = $3)
       order by current_tier is null desc, name limit 1`,
      [demoId, Number(p.period.slice(0, 4)), p.month],
    );
    const added = await web.h.app.inject({
      method: 'PUT',
      url: `/api/monitoring/sample/${otherId}`,
      headers: { cookie: await web.h.login('rongchang.admin') },
      payload: { reason: '线下报送的规上工业企业' },
    });
    expect(added.statusCode, added.body).toBe(200);
    // Last year's same month and last month, reported by the enterprise through the API (amounts in yuan).
    await put('demo.enterprise', demoId, p.lastYear, {
      revenueYtd: 10_000_000,
      profitYtd: 800_000,
      outputYtd: 9_000_000,
      employees: 120,
      rdExpenseYtd: 300_000,
    });
    if (p.lastMonth) {
      await put('demo.enterprise', demoId, p.lastMonth, {
        revenueYtd: 16_000_000,
        profitYtd: 900_000,
        outputYtd: 12_000_000,
        employees: 125,
        rdExpenseYtd: 450_000,
      });
    }
  });
  afterAll(() => web?.close());

  it('lets the enterprise report a month: a hard error on its field stores nothing; a soft check explained is 已通过', async () => {
    const page = await web.logIn('demo.enterprise', { width: 1280 });
    page.setDefaultTimeout(20_000);
    await page.getByRole('menuitem', { name: '月报填报' }).click();
    await page.getByRole('heading', { name: '月报填报' }).waitFor();
    await expect.poll(() => page.getByTestId(`status-${p.period}`).textContent()).toBe('未上报');
    // The older months of the twelve were never reported: owed, and said so.
    expect(await page.getByTestId('overdue').textContent()).toMatch(
      /有 \d+ 个月份已过截止日期尚未报送（最早：\d{4}年\d{1,2}月），请尽快补报/,
    );
    await shot(page, 'my-reports');

    await page.getByTestId(`open-${p.period}`).click();
    await page.getByRole('heading', { name: `月报 · ${p.label}` }).waitFor();
    // Last year's same period and last month beside each field, in 万元.
    await expect.poll(() => page.getByTestId('ref-revenueYtd').textContent()).toContain('上年同期：1,000.00 万元');
    if (p.lastMonth) expect(await page.getByTestId('ref-revenueYtd').textContent()).toContain('上月：1,600.00 万元');

    // 累计 below last month's: a hard error shown on the field itself (1,500 < 1,600 万元); January: profit above revenue.
    const below = p.lastMonth ? '1500' : '80';
    await fill(page, '营业收入（累计）', below);
    await fill(page, '利润总额（累计）', p.lastMonth ? '100' : '90');
    await fill(page, '工业总产值（累计）', '1300');
    await fill(page, '从业人员（期末）', '130');
    await fill(page, '研发费用（累计）', '50');
    const revenueItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('营业收入（累计）') });
    const profitItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('利润总额（累计）') });
    const errorItem = p.lastMonth ? revenueItem : profitItem;
    await errorItem.locator('.ant-form-item-explain-error').waitFor();
    expect(await errorItem.locator('.ant-form-item-explain-error').textContent()).toMatch(
      p.lastMonth ? /营业收入（累计）不能低于上月累计/ : /利润总额（累计）不能大于营业收入（累计）/,
    );
    await page.getByRole('button', { name: '提交月报' }).click();
    await page.getByText('月报未通过审核，未保存').waitFor();
    expect(await stored(demoId, p.period)).toEqual([]);
    await shot(page, 'hard-error');

    // Corrected: revenue up 80 % on last year's same period → a soft check asking for an explanation.
    await fill(page, '营业收入（累计）', '1800');
    await fill(page, '利润总额（累计）', '100');
    const soft = page.getByTestId('soft-check');
    await soft.first().waitFor();
    expect(await soft.first().textContent()).toMatch(/营业收入（累计）同比\+80\.0%，超出 ±50%/);
    expect(await errorItem.locator('.ant-form-item-explain-error').count()).toBe(0);
    if (p.lastMonth) expect(await page.getByTestId('revenue-month').textContent()).toBe('200.00 万元');
    // 同比 of what is typed, beside last year's figure.
    expect(await page.getByTestId('ref-revenueYtd').textContent()).toContain('上年同期：1,000.00 万元（同比 +80.0%）');
    await page.getByText('增加').first().click();
    await page.getByLabel('问题与建议').fill('订单增长较快，熟练工人紧缺。');
    await shot(page, 'soft-check');

    // Submitted without the explanation: stored as 待说明, not counted.
    await page.getByRole('button', { name: '提交月报' }).click();
    await page.getByTestId('saved-notice').getByText('已保存，待说明').waitFor();
    await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('待说明');
    expect((await stored(demoId, p.period))[0]).toMatchObject({ status: 'needs_explanation', version: 1, entered_by: 'enterprise' });

    // Explained and sent again: 已通过.
    await soft.first().locator('textarea').fill('新签大客户订单集中交付，营业收入增长较快。');
    await page.getByRole('button', { name: '提交修改' }).click();
    await page
      .getByTestId('saved-notice')
      .getByText(/已提交，审核通过/)
      .waitFor();
    await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('已通过');
    const [row] = await stored(demoId, p.period);
    expect(row).toMatchObject({ status: 'accepted', version: 2, revenue_ytd: expect.anything() });
    expect(Number(row.revenue_ytd)).toBe(18_000_000);
    // 当月 as computed on screen (累计 − last month's 累计), the survey answer and the suggestion as entered.
    if (p.lastMonth) expect(Number(row.revenue_month)).toBe(2_000_000);
    expect(row).toMatchObject({ survey_orders: 'up', suggestions: '订单增长较快，熟练工人紧缺。' });
    expect(Object.values(row.explanations)).toEqual(['新签大客户订单集中交付，营业收入增长较快。']);
    // 修订记录: both submissions.
    await expect.poll(() => page.getByTestId('report-history').locator('tbody tr.ant-table-row').count()).toBe(2);
    await shot(page, 'accepted');

    await page.getByRole('menuitem', { name: '月报填报' }).click();
    await expect.poll(() => page.getByTestId(`status-${p.period}`).textContent()).toBe('已通过');
    await page.context().close();
  });

  it('fits a phone (390 wide) and says so when another hand revised the report meanwhile (409)', async () => {
    const page = await web.logIn('demo.enterprise', { width: 390, height: 844 });
    page.setDefaultTimeout(20_000);
    await page.goto(`${web.baseUrl}/monitoring/reports/${demoId}/${p.period}`);
    await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('已通过');
    await shot(page, 'phone');

    // Someone else revises it (the district, entering for the firm) while the form is open.
    const before = (await stored(demoId, p.period))[0].version;
    const [{ explanations }] = await stored(demoId, p.period);
    await put('rongchang.admin', demoId, p.period, {
      revenueYtd: 18_100_000,
      profitYtd: 1_000_000,
      outputYtd: 13_000_000,
      employees: 131,
      rdExpenseYtd: 500_000,
      explanations,
    });
    await fill(page, '从业人员（期末）', '140');
    await page.getByRole('button', { name: '提交修改' }).click();
    await page.getByTestId('stale-notice').waitFor();
    await page.getByText('该月报刚被他人修改，已重新载入最新内容').waitFor();
    // Reloaded: the other revision's figure, and nothing of the refused one stored.
    await expect.poll(() => page.getByLabel('从业人员（期末）').inputValue()).toBe('131');
    expect((await stored(demoId, p.period))[0].version).toBe(before + 1);
    await shot(page, 'stale');
    await page.context().close();
  });

  it('shows a returned report with its reason; resubmitted after the due date it is 已通过 again and marked 截止后修订', async () => {
    if (!p.lastMonth) return; // January: last month lies in the year before; the other tests cover the form.
    const [{ version }] = await stored(demoId, p.lastMonth);
    const returned = await web.h.app.inject({
      method: 'POST',
      url: `/api/monitoring/reports/${demoId}/${p.lastMonth}/return`,
      headers: { cookie: await web.h.login('rongchang.admin') },
      payload: { version, reason: '利润总额与财务快报不一致，请核实后重报' },
    });
    expect(returned.statusCode, returned.body).toBe(200);

    const page = await web.logIn('demo.enterprise', { width: 1280 });
    page.setDefaultTimeout(20_000);
    await page.getByRole('menuitem', { name: '月报填报' }).click();
    await expect.poll(() => page.getByTestId(`status-${p.lastMonth}`).textContent()).toBe('已退回');
    await page.getByTestId(`open-${p.lastMonth}`).getByText('修改后重新提交').waitFor();
    await page.getByTestId(`open-${p.lastMonth}`).click();
    await page.getByTestId('return-reason').getByText('退回原因：利润总额与财务快报不一致，请核实后重报').waitFor();
    await shot(page, 'returned');

    await fill(page, '利润总额（累计）', '95');
    await page.getByRole('button', { name: '提交修改' }).click();
    await page
      .getByTestId('saved-notice')
      .getByText(/已提交，审核通过/)
      .waitFor();
    await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('已通过');
    expect((await stored(demoId, p.lastMonth))[0]).toMatchObject({ status: 'accepted', version: version + 2 });
    // 修订记录: 提交, 退回, and the resubmission after the due date, marked.
    const rows = page.getByTestId('report-history').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain('截止后修订');
    expect(await rows.nth(1).textContent()).toContain('退回');
    expect(await rows.nth(1).textContent()).not.toContain('截止后修订');
    // The first submission came after the due date too: 逾期报送, not a revision.
    expect(await rows.nth(2).textContent()).toContain('逾期报送');
    await shot(page, 'resubmitted');
    await page.context().close();
  });

  it('tells an enterprise taken out of the sample that it need not report, and leaves its reports readable', async () => {
    const removed = await web.h.app.inject({
      method: 'DELETE',
      url: `/api/monitoring/sample/${demoId}`,
      headers: { cookie: await web.h.login('rongchang.admin') },
      payload: { reason: '企业已迁出本区' },
    });
    expect(removed.statusCode, removed.body).toBe(200);
    const page = await web.logIn('demo.enterprise', { width: 1280 });
    page.setDefaultTimeout(20_000);
    await page.getByRole('menuitem', { name: '月报填报' }).click();
    await page.getByTestId('not-in-sample').getByText('本企业目前不在运行监测企业名单中，无需报送月报').waitFor();
    // Nothing to fill in; what was reported stays readable.
    expect(await page.getByRole('button', { name: /填\s*报/ }).count()).toBe(0);
    await page
      .getByRole('button', { name: /查\s*看/ })
      .first()
      .click();
    await page.getByText('该企业目前不在运行监测企业名单中，无需报送月报').waitFor();
    expect(await page.getByRole('button', { name: /提交/ }).count()).toBe(0);
    await shot(page, 'not-in-sample');
    await page.context().close();
  });

  it('gives the district the same form as 代报 for a firm that reports offline; the city reads it only', async () => {
    const page = await web.logIn('rongchang.admin', { width: 1280 });
    page.setDefaultTimeout(20_000);
    await page.goto(`${web.baseUrl}/monitoring/reports/${otherId}/${p.period}`);
    await page.getByRole('heading', { name: `代报月报 · ${p.label}` }).waitFor();
    await page.getByText(otherName).first().waitFor();
    await page.getByText('代报：为线下报送的企业代为填报本月报').waitFor();
    await fill(page, '营业收入（累计）', '500');
    await fill(page, '利润总额（累计）', '40');
    await fill(page, '从业人员（期末）', '36');
    if (await page.getByLabel('工业总产值（累计）').count()) await fill(page, '工业总产值（累计）', '450');
    await fill(page, '研发费用（累计）', '20');
    if (!p.lastMonth) {
      // nothing more: January's 当月 is its 累计
    } else if (await page.getByLabel('营业收入（当月）').count()) {
      await fill(page, '营业收入（当月）', '60');
    }
    await page.getByTestId('checks-ok').waitFor();
    await shot(page, 'proxy');
    await page.getByRole('button', { name: '代报提交' }).click();
    await page
      .getByTestId('saved-notice')
      .getByText(/已提交，审核通过/)
      .waitFor();
    expect((await stored(otherId, p.period))[0]).toMatchObject({ status: 'accepted', entered_by: 'district' });
    await page.context().close();

    const city = await web.logIn('city.admin', { width: 1280 });
    city.setDefaultTimeout(20_000);
    await city.goto(`${web.baseUrl}/monitoring/reports/${otherId}/${p.period}`);
    await expect.poll(() => city.getByTestId('report-status').textContent()).toBe('已通过');
    await city.getByText('只读：月报由企业本身或其所在区县经信委（代报）填报。').waitFor();
    expect(await city.getByRole('button', { name: /提交/ }).count()).toBe(0);
    // Figures as text, nothing to type into.
    await city.getByText('500.00 万元').first().waitFor();
    expect(await city.getByRole('spinbutton').count()).toBe(0);
    expect(await city.getByRole('textbox').count()).toBe(0);
    await shot(city, 'city-read-only');
    await city.context().close();
  });
});
