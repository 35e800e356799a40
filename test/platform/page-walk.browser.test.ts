import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/domain/dates.js';
import { dateTime } from '../../web/src/shared/format.js';
import { runEvaluation } from '../support/evaluation.js';
import { startWeb, type WebHarness } from '../support/web.js';

/**
 * Walks every page of every demo role as a person would see it, and fails on what a person
 * should never read (internal identifiers) and on serious accessibility violations (axe-core;
 * GB/T 37668 asks for WCAG 2.x AA).
 */

// What an identifier looks like on screen. Each has a name so that a failure says which rule.
const IDENTIFIERS: [string, RegExp][] = [
  ['UUID', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi],
  ['snake_case', /\b[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+\b/g],
  ['dotted code', /\b[A-Za-z][A-Za-z0-9_]*\.[A-Za-z][A-Za-z0-9_.]*\b/g],
  ['camelCase', /\b[a-z]+[A-Z][A-Za-z0-9]*\b/g],
  ['rule id', /\b[a-z]+(?:-[a-z]+)*-\d{4}(?:@v\d+)?\b/g],
  ['empty value', /\b(?:none|None|null|undefined|NaN|true|false|Infinity)\b|\[object Object\]/g],
  // Any other lower-case English word: the interface is Chinese.
  ['English word', /\b[a-z]{2,}\b/g],
  // One style of quotation marks, as official documents print them: “小巨人”, “33618”.
  ['straight quotes', /"[^"\n]{1,20}"(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])"[^"\n]{1,20}"/g],
];
/**
 * The ASCII a person may legitimately read. Kept short on purpose: file types named in upload
 * hints, the encodings of CSV, and the API documentation link. USCCs are removed before the
 * check (upper-case letters and digits); industry section letters (A–T) and district codes are
 * upper-case and are not matched by the rules above.
 */
const ALLOWED = new Set(['xlsx', 'csv']);
const USCC = /\b[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}\b/g;

/** Login names are data people type and read (工作台, 用户管理): removed before the check. */
let usernames: string[] = [];

function identifiersIn(text: string): string[] {
  const found = new Set<string>();
  let cleaned = text.replace(USCC, ' ');
  for (const name of usernames) cleaned = cleaned.replaceAll(name, ' ');
  for (const [rule, pattern] of IDENTIFIERS) {
    for (const match of cleaned.matchAll(pattern)) if (!ALLOWED.has(match[0])) found.add(`${rule}: ${match[0]}`);
  }
  return [...found];
}

/** What a person sees: rendered text only (hidden panes and closed menus excluded). */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here.
const visibleText = (page: Page) => page.locator('body').innerText();

/** Waits until the page has loaded its data: no request in flight, no spinner. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  // A lazily loaded page fetches its data only once its code has arrived: wait for the spinners
  // (and the blur antd lays over a loading table) to go, then for the network to rest again.
  const loading = page.locator('.ant-spin-spinning, .ant-spin-blur, .ant-skeleton-active');
  await expect.poll(() => loading.count(), { timeout: 20_000, interval: 200 }).toBe(0);
  await page.waitForLoadState('networkidle');
  // antd fades a table in after loading (0.3 s): a screenshot before that shows it greyed out.
  await page.waitForTimeout(400);
}

/** Wider than any screen: a table laid out past this is drawn with its text off to the side. */
const WIDEST_TABLE_PX = 5000;
const overwideTables = (page: Page) =>
  page
    .locator('table')
    .evaluateAll(
      (tables, limit) => tables.map((t) => Math.round(t.getBoundingClientRect().width)).filter((w) => w > limit),
      WIDEST_TABLE_PX,
    );

interface Finding {
  where: string;
  what: string;
}

describe('every page of every demo role', () => {
  let web: WebHarness;
  let demoEnterpriseId: string;
  let roundId: string;
  let applicationId: string;
  const findings: Finding[] = [];
  const visited: string[] = [];

  beforeAll(async () => {
    web = await startWeb();
    const { h } = web;
    // A batch run, so that the pool and the enterprise's 梯度评价 show what officers normally see.
    await runEvaluation(h, await h.login('city.admin'));
    const [row] = await h.database.query<{ id: string }>("select enterprise_id as id from users where username = 'demo.enterprise'");
    demoEnterpriseId = row.id;
    // A loss turned into a profit: the growth must read 扭亏, not "+431%".
    const [latest] = await h.database.query<{ year: number }>('select max(year) as year from enterprise_years where enterprise_id = $1', [
      row.id,
    ]);
    await h.database.query('update enterprise_years set net_profit = $1 where enterprise_id = $2 and year = $3', [
      -650_000,
      row.id,
      latest.year - 1,
    ]);
    await h.database.query('update enterprise_years set net_profit = $1 where enterprise_id = $2 and year = $3', [
      2_150_000,
      row.id,
      latest.year,
    ]);
    usernames = (await h.database.query<{ username: string }>('select username from users')).map((u) => u.username);
    // 认定管理: a round with a submitted application of the demo enterprise (which holds a valid 创新型 title).
    const today = todayInShanghai();
    const shift = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    await h.database.query('delete from enterprise_titles where enterprise_id = $1', [row.id]);
    await h.database.query(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status)
       values ($1, 'innovative', 'municipal', $2, $3, 'valid')`,
      [row.id, shift(-400), shift(700)],
    );
    const city = await h.login('city.admin');
    const enterprise = await h.login('demo.enterprise');
    const inject = (cookie: string, method: 'POST', url: string, payload: object) =>
      h.app.inject({ method, url, headers: { cookie }, payload });
    const round = await inject(city, 'POST', '/api/recognition/rounds', {
      tier: 'srdi',
      type: 'new',
      year: Number(today.slice(0, 4)),
      opensOn: shift(-10),
      closesOn: shift(10),
      expertReview: true,
      name: '页面巡检专精特新批次',
    });
    expect(round.statusCode, round.body).toBe(201);
    roundId = round.json().id;
    const created = await inject(enterprise, 'POST', '/api/recognition/applications', { roundId });
    expect(created.statusCode, created.body).toBe(201);
    applicationId = created.json().id;
    const submitted = await inject(enterprise, 'POST', `/api/recognition/applications/${applicationId}/actions`, {
      action: 'submit',
      pledge: true,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
  }, 180_000);
  afterAll(() => web?.close());

  /** Reads the visible text of the page and each of its tabs, screenshots them and runs axe. */
  async function inspect(page: Page, name: string, { axeEachTab = false } = {}) {
    await settle(page);
    visited.push(name);
    const where = `${name} (${new URL(page.url()).pathname})`;
    await page.screenshot({ path: `test-results/walk-${name}.png`, fullPage: true });
    const texts = [await visibleText(page)];
    const layout = async (label: string) => {
      for (const w of await overwideTables(page)) findings.push({ where: label, what: `表格宽 ${w} px（超过 ${WIDEST_TABLE_PX} px）` });
    };
    await layout(where);
    const axe = async (label: string) => {
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const v of result.violations) {
        if (v.impact !== 'serious' && v.impact !== 'critical') continue;
        const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' '));
        findings.push({ where: label, what: `axe ${v.impact} ${v.id} (${v.nodes.length}×): ${v.help} — ${targets.join(' | ')}` });
      }
    };
    await axe(where);
    // Tabs hide their panes: open each to read it too.
    const tabs = page.locator('[role="tab"]');
    const n = await tabs.count();
    for (let i = 1; i < n; i++) {
      const tab = tabs.nth(i);
      if (!(await tab.isVisible())) continue;
      const label = ((await tab.textContent()) ?? '').trim();
      await tab.click();
      await settle(page);
      texts.push(await visibleText(page));
      await layout(`${where} › ${label}`);
      await page.screenshot({ path: `test-results/walk-${name}-tab${i}.png` });
      if (axeEachTab) await axe(`${where} › ${label}`);
    }
    for (const id of new Set(texts.flatMap(identifiersIn))) findings.push({ where, what: id });
  }

  async function walkRole(username: string, extra: { name: string; path: string }[]) {
    // A browser far from Chongqing: every time on screen must still be Asia/Shanghai.
    const page = await web.logIn(username, { timezoneId: 'America/New_York' });
    const menu = page.getByRole('menu');
    // The pages of the menu (the entries inside a group such as 认定管理 too; a group's own title opens nothing).
    const entries = await menu.locator('li.ant-menu-item').allInnerTexts();
    expect(entries.length).toBeGreaterThan(1);
    const heading = page.locator('main h1, main h2, main h3, main h4').first();
    for (const label of entries.map((e) => e.trim())) {
      const before = page.url();
      const headingBefore = label === '工作台' ? null : await heading.textContent().catch(() => null);
      await menu.getByRole('menuitem', { name: label, exact: true }).click();
      if (label !== '工作台') await page.waitForURL((url) => url.href !== before);
      // The page of that entry is on screen (a redirect, such as 本企业信息 to the enterprise's page, included).
      await expect.poll(() => page.locator('.ant-menu-item-selected').textContent(), { timeout: 10_000 }).toBe(label);
      // React Router keeps the old page up while the new one's code loads: wait for the new heading.
      await expect.poll(() => heading.textContent(), { timeout: 15_000 }).not.toBe(headingBefore);
      // The enterprise user's 本企业信息 is its enterprise's page: its tabs are read one by one.
      await inspect(page, `${username}-${label}`, { axeEachTab: label === '本企业信息' });
      // Each page of the menu shows its own title, and the menu highlights it.
      expect(await page.locator('.ant-menu-item-selected').textContent()).toBe(label);
    }
    for (const { name, path } of extra) {
      await page.goto(web.baseUrl + path);
      await page.getByTestId('current-user').waitFor();
      await inspect(page, `${username}-${name}`, { axeEachTab: name === '企业详情' });
    }
    // Logging out leaves nothing of the user on screen.
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.getByLabel('用户名').waitFor({ timeout: 5_000 });
    expect(await page.getByRole('menu').count()).toBe(0);
    await page.context().close();
  }

  // One test per role, so that each has its own time (a loaded 2-core machine takes minutes for all).
  const officerExtras = () => [
    { name: '企业详情', path: `/enterprises/${demoEnterpriseId}` },
    { name: '导入', path: '/enterprises/import' },
    { name: '批次详情', path: `/recognition/rounds/${roundId}` },
    { name: '申报审核详情', path: `/recognition/applications/${applicationId}` },
  ];
  const WALKS: [string, () => { name: string; path: string }[]][] = [
    ['city.admin', officerExtras],
    ['rongchang.admin', officerExtras],
    [
      'yubei.admin',
      () => [
        { name: '导入', path: '/enterprises/import' },
        { name: '批次详情', path: `/recognition/rounds/${roundId}` },
      ],
    ],
    ['demo.enterprise', () => []],
    // An expert: its 工作台, 我的服务企业 and an assigned enterprise's page (read-only, with 专家服务记录).
    ['expert.001', () => [{ name: '企业详情', path: `/enterprises/${demoEnterpriseId}` }]],
  ];
  it.each(WALKS)(
    'finds no internal identifiers and no serious accessibility violation on the pages of %s',
    async (username, extras) => {
      const started = Date.now();
      const seen = findings.length;
      await walkRole(username, extras());
      console.log(`page walk of ${username}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const report = findings.slice(seen).map((f) => `${f.where}: ${f.what}`);
      expect(report).toEqual([]);
    },
    // The city's walk reads some 30 pages with their tabs.
    420_000,
  );

  it("shows the enterprise page in the viewer's time zone, and the public calculator without a login", async () => {
    const started = Date.now();
    const seen = findings.length;
    // What the walk saw on the enterprise page, checked against the database.
    const [evaluated] = await web.h.database.query<{ at: Date }>(
      'select max(evaluated_at) as at from evaluation_results where enterprise_id = $1',
      [demoEnterpriseId],
    );
    const detail = await web.logIn('rongchang.admin', { timezoneId: 'America/New_York' });
    await detail.goto(`${web.baseUrl}/enterprises/${demoEnterpriseId}`);
    await detail.getByText('扭亏').first().waitFor();
    await detail.getByRole('tab', { name: '梯度评价' }).click();
    await detail
      .getByRole('cell', { name: dateTime(evaluated.at) })
      .first()
      .waitFor();
    await detail.context().close();

    // The public calculator, without a login.
    const context = await web.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${web.baseUrl}/calculator`);
    await page.getByText('自评测算').first().waitFor();
    await inspect(page, 'anonymous-calculator');
    await context.close();

    console.log(`page walk: ${visited.length} pages in all, the last ones in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const report = findings.slice(seen).map((f) => `${f.where}: ${f.what}`);
    expect(report).toEqual([]);
  }, 120_000);
});
