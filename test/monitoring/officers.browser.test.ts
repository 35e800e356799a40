import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/domain/dates.js';
import { startWeb, type WebHarness } from '../support/web.js';

/**
 * The officers' pages of 运行监测 in a real browser: a district sees its non-reporters and reminds them,
 * returns a report with a reason; the city reads the figures, the sentence and the trend chart. Every
 * page is screenshot for the city and the district at 1280 and 390 px (test-results/monitoring-*.png).
 */

const today = todayInShanghai();
const [thisYear, thisMonth] = today.split('-').map(Number);
/** The month officers look at by default: last month. */
const period = thisMonth === 1 ? `${thisYear - 1}-12` : `${thisYear}-${String(thisMonth - 1).padStart(2, '0')}`;
const [pYear, pMonth] = period.split('-').map(Number);
const lastYearPeriod = `${pYear - 1}-${String(pMonth).padStart(2, '0')}`;
const shift = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** What a person must never read on these pages: ids, codes, English words, raw numbers of more than four digits. */
function oddities(text: string): string[] {
  // USCCs and telephone numbers are data people read.
  const cleaned = text
    .replace(/\b[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}\b/g, ' ')
    .replace(/\b0\d{2,3}-\d{7,8}\b|\b1\d{10}\b/g, ' ')
    .replace(/\bxlsx\b/g, ' ');
  const found = [
    ...cleaned.matchAll(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi),
    ...cleaned.matchAll(/\b[a-z]{2,}\b/gi),
    ...cleaned.matchAll(/(?<![\d,.])\d{5,}(?![\d,])/g),
  ].map((m) => m[0]);
  // Periods and dates (2026-05-10, 2026年5月) are written as such; a five-digit run is a raw number.
  return found.filter((f) => !/^20\d\d$/.test(f));
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  const loading = page.locator('.ant-spin-spinning, .ant-spin-blur, .ant-skeleton-active');
  await expect.poll(() => loading.count(), { timeout: 20_000, interval: 200 }).toBe(0);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
}

describe('运行监测 for officers in a real browser', () => {
  let web: WebHarness;
  let demoId: string;
  let demoName: string;
  const reported: { id: string; name: string; district: string }[] = [];

  beforeAll(async () => {
    web = await startWeb();
    const { h } = web;
    // The demo enterprise (荣昌区) holds a valid title: it is in the sample, and has not reported.
    const [demo] = await h.database.query<{ id: string; name: string }>(
      "select e.id, e.name from users u join enterprises e on e.id = u.enterprise_id where u.username = 'demo.enterprise'",
    );
    demoId = demo.id;
    demoName = demo.name;
    await h.database.query('delete from enterprise_titles where enterprise_id = $1', [demoId]);
    await h.database.query(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status)
       values ($1, 'srdi', 'municipal', $2, $3, 'valid')`,
      [demoId, shift(-800), shift(700)],
    );
    await h.database.query("update enterprises set current_tier = 'srdi' where id = $1", [demoId]);
    // Three other enterprises report the month and the same month last year, entered by their districts
    // (代报): 荣昌区's other firm (no title: the district adds it to the sample), and two titled firms of 渝北区.
    const others = await h.database.query<{ id: string; name: string; district: string }>(
      `(select id, name, 'rongchang' as district from enterprises where district_code = '500153' and id <> $1
        order by name limit 1)
       union all
       (select id, name, 'yubei' from enterprises where district_code = '500112' and current_tier is not null order by name limit 2)`,
      [demoId],
    );
    expect(others.length).toBe(3);
    const cookies = { rongchang: await h.login('rongchang.admin'), yubei: await h.login('yubei.admin') } as Record<string, string>;
    const added = await h.app.inject({
      method: 'PUT',
      url: `/api/monitoring/sample/${others[0].id}`,
      headers: { cookie: cookies.rongchang },
      payload: { reason: '区县重点培育企业' },
    });
    expect(added.statusCode, added.body).toBe(200);
    for (const [i, e] of others.entries()) {
      for (const [p, growth] of [
        [lastYearPeriod, 1],
        [period, 1.1 + i * 0.05],
      ] as const) {
        const revenue = Math.round(10_000_000 * (i + 1) * growth);
        const response = await h.app.inject({
          method: 'PUT',
          url: `/api/monitoring/reports/${e.id}/${p}`,
          headers: { cookie: cookies[e.district] },
          payload: {
            revenueYtd: revenue,
            profitYtd: Math.round(revenue * 0.1),
            employees: 50 + i,
            rdExpenseYtd: Math.round(revenue * 0.05),
            outputYtd: revenue,
            exportYtd: 0,
            taxYtd: Math.round(revenue * 0.03),
            electricityYtd: 120_000,
            survey: { orders: i === 0 ? 'up' : 'flat', employment: 'flat', financing: 'up' },
          },
        });
        expect(response.statusCode, response.body).toBe(200);
        expect(response.json().status, response.body).toBe('accepted');
      }
      reported.push(e);
    }
  }, 180_000);
  afterAll(() => web?.close());

  it('lets the district remind its non-reporters (the enterprise gets the message) and return a report with a reason', async () => {
    const page = await web.logIn('rongchang.admin');
    await page.getByRole('menuitem', { name: '催报', exact: true }).click();
    await page.getByRole('heading', { name: '催报' }).waitFor();
    await page.getByText(`${pYear}年${pMonth}月未报送企业`).waitFor();
    // The demo enterprise has not reported; the one its district entered is not in the list, nor 渝北区's.
    await page.getByRole('link', { name: demoName }).waitFor();
    for (const e of reported) expect(await page.getByRole('link', { name: e.name }).count()).toBe(0);
    await page.getByText('共 1 家').first().waitFor();
    await page.getByRole('checkbox', { name: `选择${demoName}` }).check();
    await page.getByRole('button', { name: /提醒选中/ }).click();
    await page.getByText(/已提醒 1 家企业/).waitFor();
    // The enterprise has the reminder in its message centre.
    const enterprise = await web.h.login('demo.enterprise');
    const messages = await web.h.app.inject({ method: 'GET', url: '/api/messages?category=monitoring', headers: { cookie: enterprise } });
    expect(messages.statusCode, messages.body).toBe(200);
    expect(messages.json().items.length).toBeGreaterThanOrEqual(1);
    // The rates of 荣昌区.
    await page.getByText(`${pYear}年${pMonth}月报送情况`).waitFor();
    await page.getByRole('cell', { name: '荣昌区' }).first().waitFor();

    // The enterprise reports; the district returns the report with a reason.
    const put = await web.h.app.inject({
      method: 'PUT',
      url: `/api/monitoring/reports/${demoId}/${period}`,
      headers: { cookie: enterprise },
      payload: { revenueYtd: 25_000_000, profitYtd: 2_000_000, employees: 80, rdExpenseYtd: 1_000_000, outputYtd: 25_000_000 },
    });
    expect(put.statusCode, put.body).toBe(200);
    await page.getByRole('menuitem', { name: '月报审核', exact: true }).click();
    await page.getByRole('heading', { name: '月报审核' }).waitFor();
    await page.getByRole('link', { name: demoName }).first().waitFor();
    await page.getByRole('button', { name: `退回${demoName}的月报` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('退回理由').fill('营业收入累计与财务报表不符，请核实后重新报送。');
    await dialog.getByRole('button', { name: /退\s*回/ }).click();
    await page.getByText(`已退回${demoName}的月报，企业已收到消息`).waitFor();
    await page.getByRole('button', { name: `退回${demoName}的月报` }).waitFor({ state: 'detached' });
    const [row] = await web.h.database.query<{ status: string }>(
      'select status from monitoring_reports where enterprise_id = $1 and year = $2 and month = $3',
      [demoId, pYear, pMonth],
    );
    expect(row.status).toBe('returned');
    const detail = await web.h.app.inject({
      method: 'GET',
      url: `/api/monitoring/reports/${demoId}/${period}`,
      headers: { cookie: enterprise },
    });
    expect(detail.json().returnReason).toBe('营业收入累计与财务报表不符，请核实后重新报送。');
    await page.context().close();
  }, 180_000);

  it('shows the city the figures, the generated sentence and the trend chart, and the enterprises behind a number', async () => {
    const page = await web.logIn('city.admin');
    await page.getByRole('menuitem', { name: '运行分析', exact: true }).click();
    await page.getByRole('heading', { name: '运行分析' }).waitFor();
    const sentence = page.getByTestId('analysis-sentence');
    await sentence.waitFor();
    expect(await sentence.textContent()).toMatch(/营业收入同比增长/);
    // The three matched enterprises stand behind the figure of all monitored SMEs.
    const all = page.getByRole('link', { name: '全部监测中小企业：同口径企业 3 家' });
    await all.waitFor();
    // The trend chart is drawn (SVG) with its legend.
    const chart = page.getByTestId('trend-revenueYoY');
    await chart.locator('svg').waitFor();
    expect(await chart.locator('svg text', { hasText: '全部监测中小企业' }).count()).toBeGreaterThan(0);
    // The figures as xlsx.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 xlsx/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^运行分析.*\.xlsx$/);
    expect((await download.failure()) ?? null).toBeNull();
    await all.click();
    await page.getByRole('heading', { name: '运行分析 · 企业明细' }).waitFor();
    for (const e of reported) await page.getByRole('link', { name: e.name }).waitFor();
    await page.getByText('共 3 家').waitFor();
    await page.context().close();
  }, 120_000);

  it('lets the district accept the explanation of a report that passed its soft checks with one', async () => {
    const { h } = web;
    const district = await h.login('rongchang.admin');
    const firm = reported.find((e) => e.district === 'rongchang')!;
    // A revision with revenue up 80 % on last year: soft checks ask for explanations, given for each.
    const values = { revenueYtd: 18_000_000, profitYtd: 1_800_000, employees: 50, rdExpenseYtd: 900_000, outputYtd: 18_000_000 };
    const check = await h.app.inject({
      method: 'POST',
      url: `/api/monitoring/reports/${firm.id}/${period}/check`,
      headers: { cookie: district },
      payload: values,
    });
    expect(check.statusCode, check.body).toBe(200);
    const soft = (check.json().checks as { id: string; level: string }[]).filter((c) => c.level === 'soft');
    expect(soft.length).toBeGreaterThan(0);
    const put = await h.app.inject({
      method: 'PUT',
      url: `/api/monitoring/reports/${firm.id}/${period}`,
      headers: { cookie: district },
      payload: { ...values, explanations: Object.fromEntries(soft.map((c) => [c.id, '新生产线于本年投产，订单大幅增加。'])) },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().status).toBe('accepted');

    const page = await web.logIn('rongchang.admin');
    await page.goto(`${web.baseUrl}/monitoring/reports?explained=true`);
    await page.getByRole('heading', { name: '月报审核' }).waitFor();
    await page.getByText('待审核').waitFor();
    await page.getByRole('button', { name: `接受${firm.name}的说明` }).click();
    await page.getByText(`已接受${firm.name}的说明`).waitFor();
    await page.getByText('已接受', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: `接受${firm.name}的说明` }).count()).toBe(0);
    await page.context().close();
  }, 120_000);

  const PAGES = [
    ['sample', '/monitoring/sample', '监测企业'],
    ['reports', '/monitoring/reports', '月报审核'],
    ['chase', '/monitoring/chase', '催报'],
    ['analysis', '/monitoring/analysis', '运行分析'],
    ['rows', `/monitoring/analysis/rows?period=${period}&sample=matched`, '运行分析 · 企业明细'],
    ['settings', '/monitoring/settings', '监测设置'],
  ] as const;
  it.each([
    ['city', 'city.admin'],
    ['district', 'rongchang.admin'],
  ])(
    'screenshots every page for the %s at 1280 and 390 wide, with nothing a person should not read',
    async (who, username) => {
      const found: string[] = [];
      for (const width of [1280, 390]) {
        const page = await web.logIn(username, { width, height: 900 });
        for (const [name, path, heading] of PAGES) {
          await page.goto(web.baseUrl + path);
          await page.getByRole('heading', { name: heading, exact: true }).waitFor();
          await settle(page);
          await page.screenshot({ path: `test-results/monitoring-${name}-${who}-${width}.png`, fullPage: true });
          // biome-ignore lint/performance/useDomNodeTextContent: what a person sees is the point.
          for (const odd of oddities(await page.locator('main').innerText())) found.push(`${name} ${width}: ${odd}`);
          // The page's own content stays within its column (wide tables scroll inside their own box).
          const overflow = await page.evaluate(() => {
            const main = document.querySelector('main');
            return main ? main.scrollWidth - main.clientWidth : 0;
          });
          if (overflow > 1) found.push(`${name} ${width}: ${overflow} px wider than its column`);
        }
        await page.context().close();
      }
      expect(found).toEqual([]);
    },
    240_000,
  );

  it('lets the district take an enterprise out of the sample with a reason and add it again from the registry', async () => {
    const page = await web.logIn('rongchang.admin');
    await page.getByRole('menuitem', { name: '监测企业', exact: true }).click();
    await page.getByRole('heading', { name: '监测企业' }).waitFor();
    await page.getByText(/荣昌区监测企业 2 家|本区县监测企业 2 家/).waitFor();
    await page.getByRole('button', { name: `移出${demoName}` }).click();
    const dialog = page.getByRole('dialog');
    // No reason, no removal.
    expect(await dialog.getByRole('button', { name: /移\s*出/ }).isDisabled()).toBe(true);
    await dialog.getByLabel('移出理由').fill('企业已迁出荣昌区');
    await dialog.getByRole('button', { name: /移\s*出/ }).click();
    await page.getByText(`${demoName}已移出监测`).waitFor();
    await page.getByRole('button', { name: `移出${demoName}` }).waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: '已移出' }).click();
    await page.getByRole('cell', { name: '企业已迁出荣昌区' }).waitFor();
    const out = await web.h.database.query<{ status: string; reason: string }>(
      'select status, reason from monitoring_sample where enterprise_id = $1',
      [demoId],
    );
    expect(out).toEqual([{ status: 'out', reason: '企业已迁出荣昌区' }]);

    // Back in through 添加监测企业: search the registry by name.
    await page.getByRole('button', { name: '添加监测企业' }).click();
    const add = page.getByRole('dialog');
    await add.getByLabel('企业').fill(demoName.slice(0, 6));
    await page.locator('.ant-select-item-option', { hasText: demoName }).click();
    await add.getByLabel('纳入理由').fill('企业回迁');
    await add.getByRole('button', { name: /纳入监测/ }).click();
    await page.getByText(/已在监测企业中|已纳入监测/).waitFor();
    await page.getByText('没有移出监测的企业').waitFor();
    const back = await web.h.app.inject({
      method: 'GET',
      url: `/api/monitoring/sample?q=${encodeURIComponent(demoName)}`,
      headers: { cookie: await web.h.login('rongchang.admin') },
    });
    expect(back.json().total).toBe(1);
    await page.context().close();
  }, 120_000);

  it('lets the city change the settings, and shows them to a district read-only', async () => {
    const page = await web.logIn('city.admin');
    await page.getByRole('menuitem', { name: '监测设置', exact: true }).click();
    await page.getByRole('heading', { name: '监测设置' }).waitFor();
    await page.getByText('工作日（次月第几个工作日）').click();
    await page.getByLabel('报送截止日').fill('8');
    await page.getByLabel('累计同比提示阈值（%）').fill('40');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('监测设置已保存').waitFor();
    const city = await web.h.login('city.admin');
    const saved = await web.h.app.inject({ method: 'GET', url: '/api/monitoring/settings', headers: { cookie: city } });
    expect(saved.json()).toMatchObject({ dueMode: 'working', dueDay: 8, yoyLimit: 40 });
    // A value the server refuses: its Chinese message, nothing saved.
    await page.getByLabel('利润率下限（%）').fill('70');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('利润率下限应小于上限').waitFor();
    const after = await web.h.app.inject({ method: 'GET', url: '/api/monitoring/settings', headers: { cookie: city } });
    expect(after.json().marginMin).toBe(-50);
    await page.context().close();

    const district = await web.logIn('rongchang.admin');
    await district.goto(`${web.baseUrl}/monitoring/settings`);
    await district.getByRole('heading', { name: '监测设置' }).waitFor();
    await district.getByText('次月第 8 个工作日').waitFor();
    await district.getByText('40%').waitFor();
    expect(await district.getByRole('button', { name: '保存设置' }).count()).toBe(0);
    await district.context().close();
  }, 120_000);
});
