import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendMessages } from '../../src/modules/messages/send-messages.js';
import { startWeb, type WebHarness } from '../support/web.js';

/** Serious or critical WCAG 2.1 AA violations on the page (axe-core), as the page walk counts them. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Colours are read at rest: the pointer off the button it clicked (antd's hover blue is lighter), nothing fading in.
  await page.mouse.move(600, 700);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join(' | ')}`);
}

describe('message centre in a real browser', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWeb();
    // The demo data tells officers about expert visits: start these two from an empty message centre.
    await web.h.owner.query(
      "delete from messages where user_id in (select id from users where username in ('rongchang.admin', 'yubei.admin'))",
    );
    const [user] = await web.h.database.query<{ id: string }>("select id from users where username = 'rongchang.admin'");
    await web.h.database.db.transaction((tx) =>
      sendMessages(tx, [
        {
          userId: user.id,
          category: 'system',
          title: '批量评价已完成',
          body: '全市企业的梯度评价已完成，请查看后备库。',
          link: '/evaluations/pool',
        },
        { userId: user.id, category: 'reminder', title: '请报送本月数据', body: '请于本月 10 日前完成报送。' },
        {
          userId: user.id,
          category: 'calendar',
          title: '请维护工作日历',
          body: '2027 年的节假日安排尚未维护。',
          link: '/reference?tab=calendar',
        },
      ]),
    );
  });
  afterAll(() => web?.close());

  it('shows the unread count on the bell, marks read one by one and all at once, and opens the linked object', async () => {
    const page = await web.logIn('rongchang.admin');
    const bell = page.getByRole('button', { name: /^消息中心/ });
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('消息中心，3 条未读');
    expect(await page.getByTestId('unread-badge').textContent()).toContain('3');

    await bell.click();
    await page.getByRole('heading', { name: '消息中心' }).waitFor();
    const items = page.getByTestId('message-item');
    await expect.poll(() => items.count()).toBe(3);
    // Newest first, names of the categories, not codes; the time in Asia/Shanghai.
    expect(await items.first().textContent()).toMatch(/未读/);
    expect(await page.getByText('报送提醒', { exact: true }).count()).toBe(1);
    expect(await page.locator('body').textContent()).not.toMatch(/reminder|calendar|system/);
    expect(await seriousViolations(page)).toEqual([]);

    // Mark one read: the badge follows without a reload.
    await page.getByTestId('message-item').filter({ hasText: '请报送本月数据' }).getByRole('button', { name: '标为已读' }).click();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('消息中心，2 条未读');
    await expect.poll(() => page.locator('[data-testid="message-item"][data-unread="true"]').count()).toBe(2);

    // 未读 shows the unread ones only.
    await page.getByText(/^未读（2）$/).click();
    await expect.poll(() => items.count()).toBe(2);
    expect(await page.getByText('请报送本月数据').count()).toBe(0);

    // The link opens the object and marks the message read.
    await page.getByTestId('message-item').filter({ hasText: '批量评价已完成' }).getByRole('button', { name: '查看' }).click();
    await page.waitForURL(/\/evaluations\/pool$/);
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('消息中心，1 条未读');

    await bell.click();
    await page.getByRole('heading', { name: '消息中心' }).waitFor();
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('消息中心，没有未读消息');
    await page.getByText(/^未读$/).click();
    await page.getByText('没有未读消息。新的消息到达时，顶部的铃铛会显示未读数。').waitFor();
    await page.screenshot({ path: 'test-results/message-centre.png', fullPage: true });
  });

  it('tells a user with no messages what will appear there', async () => {
    const page = await web.logIn('yubei.admin');
    await page.getByRole('button', { name: '消息中心，没有未读消息' }).click();
    await page.getByText('暂无消息。专家服务记录、报送提醒、工作日历维护提醒、任务完成和系统通知会出现在这里。').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
