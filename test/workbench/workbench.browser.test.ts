import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeb, type WebHarness } from '../support/web.js';

/**
 * 工作台 in a real browser for the city, a district and an enterprise: every card shows the count the
 * API gives, in Chinese with separators, and opens its list with the same filters (the list's own
 * total); an account with nothing to do reads "当前没有待办事项" and where to look next. Screenshots:
 * test-results/workbench-*.png.
 */

interface Item {
  key: string;
  label: string;
  count: number;
  url: string;
  tone: string;
}

/** What a person must never read: ids, English words, raw numbers of five digits or more. */
function oddities(text: string): string[] {
  const found = [
    ...text.matchAll(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi),
    ...text.matchAll(/\b[a-z]{2,}\b/gi),
    ...text.matchAll(/(?<![\d,.\-年])\d{5,}(?![\d,])/g),
  ].map((m) => m[0]);
  return found;
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  const loading = page.locator('.ant-spin-spinning, .ant-skeleton-active');
  await expect.poll(() => loading.count(), { timeout: 20_000, interval: 200 }).toBe(0);
  await page.waitForTimeout(300);
}

describe('工作台 in a real browser', () => {
  let web: WebHarness;

  const itemsOf = async (username: string): Promise<Item[]> => {
    const cookie = await web.h.login(username);
    const res = await web.h.app.inject({ method: 'GET', url: '/api/workbench', headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };

  /** Opens 工作台, checks every card against the API and reads the page; returns the page. */
  async function open(username: string): Promise<{ page: Page; items: Item[] }> {
    const page = await web.logIn(username);
    await page.goto(`${web.baseUrl}/`);
    await page.getByText('待办事项').first().waitFor();
    await settle(page);
    const items = await itemsOf(username);
    const cards = page.getByTestId('workbench-item');
    expect(await cards.count()).toBe(items.length);
    for (const i of items.filter((x) => !x.key.startsWith('tier.'))) {
      const card = page.locator(`[data-testid="workbench-item"][data-key="${i.key}"]`);
      await expect.poll(() => card.innerText()).toContain(i.count.toLocaleString('zh-CN'));
      expect(await card.innerText()).toContain(i.label);
      expect(await card.getAttribute('data-tone')).toBe(i.tone);
    }
    // The account card names the user name, which is the login's own text.
    const text = (await page.locator('main').innerText()).replaceAll(username, '');
    expect(oddities(text), text).toEqual([]);
    await page.screenshot({ path: `test-results/workbench-${username.replace('.', '-')}.png`, fullPage: true });
    return { page, items };
  }

  /** Clicks a card and reads the list's own total ("共 N 件/家") on the page it opens. */
  async function follow(page: Page, item: Item) {
    await page.locator(`[data-testid="workbench-item"][data-key="${item.key}"] a`).first().click();
    await page.waitForURL((u) => `${u.pathname}${u.search}` === item.url);
    await settle(page);
    // An empty list shows its empty state and no pager.
    if (item.count === 0) {
      await page.locator('.ant-table-placeholder').first().waitFor();
      return;
    }
    await expect.poll(() => page.locator('.ant-pagination-total-text').first().innerText()).toMatch(/共\s*[\d,]+\s*[件家项份条]/);
    const total = await page.locator('.ant-pagination-total-text').first().innerText();
    expect(Number(total.replace(/[^\d]/g, '')), `${item.key} → ${item.url}`).toBe(item.count);
  }

  beforeAll(async () => {
    web = await startWeb();
    const { h } = web;
    // 荣昌区 work: two applications waiting for 初审, one past its due date; a title expiring next month.
    // The test database's demo is small: two firms of other districts move into 荣昌区.
    const firms = await h.database.query<{ id: string }>(
      `select id from enterprises where district_code <> '500153' and zone_code is null
        and id not in (select enterprise_id from users where enterprise_id is not null) order by id limit 2`,
    );
    await h.owner.query("update enterprises set district_code = '500153', zone_code = null where id = any($1::uuid[])", [
      firms.map((f) => f.id),
    ]);
    const [round] = await h.owner.query<{ id: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set)
       values ('srdi', 'new', extract(year from current_date)::int, '工作台浏览器测试批次', current_date - 30, current_date + 30, 'srdi-2022') returning id`,
    );
    for (const [i, firm] of firms.entries())
      await h.owner.query(
        `insert into recognition_applications (round_id, enterprise_id, district_code, zone_code, tier, status, submitted_at, district_due_on)
         select $1, e.id, e.district_code, e.zone_code, 'srdi', 'submitted', now(), current_date + $2::int from enterprises e where e.id = $3`,
        [round.id, i === 0 ? -2 : 6, firm.id],
      );
    await h.owner.query(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status)
       values ($1, 'innovative', 'municipal', current_date - 700, current_date + 40, 'valid')`,
      [firms[1].id],
    );
    // An enterprise account with nothing to do: an enterprise without titles, outside the sample, no messages.
    const [quiet] = await h.database.query<{ id: string }>(
      `select e.id from enterprises e where e.current_tier is null
         and not exists (select 1 from enterprise_titles t where t.enterprise_id = e.id)
         and not exists (select 1 from monitoring_sample s where s.enterprise_id = e.id)
         and not exists (select 1 from users u where u.enterprise_id = e.id)
       order by e.id limit 1`,
    );
    await h.owner.query(
      `insert into users (username, display_name, role, enterprise_id, password_hash, password_set_by)
       select 'quiet.enterprise', '无待办企业', 'enterprise', $1, password_hash, password_set_by from users where username = 'demo.enterprise'`,
      [quiet.id],
    );
  });
  afterAll(() => web?.close());

  it('shows a district its work with counts and tones, each card opening its filtered list', async () => {
    const { page, items } = await open('rongchang.admin');
    const overdue = items.find((i) => i.key === 'recognition.first_review_overdue') as Item;
    expect(overdue).toMatchObject({ count: 1, tone: 'danger' });
    await follow(page, overdue);
    expect(await page.getByRole('checkbox', { name: '仅看逾期未审' }).isChecked()).toBe(true);
    await page.goto(`${web.baseUrl}/`);
    await settle(page);
    await follow(page, items.find((i) => i.key === 'recognition.first_review') as Item);
    await page.goto(`${web.baseUrl}/`);
    await settle(page);
    const expiring = items.find((i) => i.key === 'titles.expiring') as Item;
    expect(expiring.count).toBeGreaterThanOrEqual(1);
    await follow(page, expiring);
    await page.getByText(/梯度称号有效期在 .* 前届满/).waitFor();
    await page.screenshot({ path: 'test-results/workbench-rongchang-expiring.png', fullPage: true });
    await page.goto(`${web.baseUrl}/`);
    await settle(page);
    await follow(page, items.find((i) => i.key === 'monitoring.non_reporters') as Item);
    await page.context().close();
  });

  it('shows the city the counts across the districts with the districts that have most', async () => {
    const { page, items } = await open('city.admin');
    const first = items.find((i) => i.key === 'recognition.first_review') as Item;
    expect(first.count).toBe(2);
    const top = page.locator('[data-testid="workbench-item"][data-key="recognition.first_review"] [data-testid="workbench-top"]');
    expect(await top.innerText()).toContain('荣昌区 2');
    await top.getByRole('link', { name: '荣昌区 2' }).click();
    await page.waitForURL((u) => u.search.includes('district=500153'));
    await settle(page);
    expect(await page.locator('.ant-pagination-total-text').first().innerText()).toMatch(/共\s*2\s*件/);
    await page.goto(`${web.baseUrl}/`);
    await settle(page);
    await follow(page, items.find((i) => i.key === 'recognition.second_review') as Item);
    await page.context().close();
  });

  it('shows an enterprise its tier, the gap, and its to-dos; an account with nothing to do reads what to look at next', async () => {
    const { page } = await open('demo.enterprise');
    await page
      .getByTestId('workbench-tier')
      .getByText(/当前梯度：/)
      .waitFor();
    await page.context().close();

    const quiet = await open('quiet.enterprise');
    await quiet.page.getByTestId('workbench-empty').getByText('当前没有待办事项').waitFor();
    expect(await quiet.page.getByTestId('workbench-empty').innerText()).toContain('自评测算');
    await quiet.page.context().close();
  });
});
