import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/domain/dates.js';
import { pdf } from '../files/samples.js';
import { startWeb, type WebHarness } from '../support/web.js';

/** Serious and critical accessibility violations (axe-core, WCAG 2.1 AA as the page walk checks). */
async function axeFindings(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.nodes.length}×) ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Waits for the autosave after the last change (the status shows 已自动保存 HH:mm:ss once the PUT answered). */
async function autosaved(page: Page, before: number) {
  await expect.poll(() => before < savesSeen(page), { timeout: 15_000 }).toBe(true);
  await page.getByTestId('autosave-status').waitFor();
}
const saves = new WeakMap<Page, number>();
const savesSeen = (page: Page) => saves.get(page) ?? 0;
function countSaves(page: Page) {
  page.on('response', (r) => {
    if (r.request().method() === 'PUT' && r.url().endsWith('/draft') && r.status() === 200) saves.set(page, savesSeen(page) + 1);
  });
}

describe('an enterprise fills in its 申报书 in a real browser', () => {
  let web: WebHarness;
  let roundId: string;

  beforeAll(async () => {
    web = await startWeb();
    const today = todayInShanghai();
    const cookie = await web.h.login('city.admin');
    const created = await web.h.app.inject({
      method: 'POST',
      url: '/api/recognition/rounds',
      headers: { cookie },
      payload: {
        tier: 'little_giant',
        type: 'new',
        year: Number(today.slice(0, 4)),
        opensOn: shift(today, -1),
        closesOn: shift(today, 30),
        expertReview: false,
        publicityDays: 5,
        name: '浏览器测试“小巨人”申报批次',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    roundId = created.json().id;
  });
  afterAll(() => web?.close());

  it('opens a round, fills two tabs, reloads with everything restored, attaches evidence, submits with the pledge and sees the status', {
    timeout: 180_000,
  }, async () => {
    const page = await web.logIn('demo.enterprise');
    countSaves(page);
    await page.getByRole('menuitem', { name: '可申报批次' }).click();
    await page.getByRole('heading', { name: '可申报批次' }).waitFor();
    const card = page.getByTestId('round-card').filter({ hasText: '浏览器测试“小巨人”申报批次' });
    await card.getByText('申报中').waitFor();
    const findings = await axeFindings(page, '可申报批次');
    await page.screenshot({ path: 'test-results/recognition-enterprise-rounds.png', fullPage: true });
    await card.getByRole('button', { name: /申\s*报/ }).click();

    await page.getByRole('heading', { name: /申报书 · 浏览器测试/ }).waitFor();
    // Pre-filled from the registry.
    await expect.poll(() => page.getByLabel('企业名称').inputValue()).toBe('重庆昌州智能装备股份有限公司');

    // Tab 基本情况: contact person and phone.
    let before = savesSeen(page);
    await page.getByLabel('联系人').fill('王晓明');
    await page.getByLabel('联系电话').fill('023-46712345');
    await autosaved(page, before);
    await expect.poll(() => page.getByTestId('autosave-status').textContent()).toMatch(/^已自动保存 \d{2}:\d{2}:\d{2}$/);

    // Tab 专业化: market share and the year the enterprise entered its niche.
    await page.getByRole('tab', { name: '专业化' }).click();
    before = savesSeen(page);
    await page.getByLabel('细分市场占有率（%）').fill('18.5');
    await page.getByLabel('进入细分市场年份').fill('2012');
    await autosaved(page, before);
    // The live self-evaluation beside the form answers each save.
    await page.getByTestId('live-evaluation').waitFor();
    await page.screenshot({ path: 'test-results/recognition-application-form.png', fullPage: true });
    findings.push(...(await axeFindings(page, '申报书')));

    // A bad value: the rule's words under the field, nothing sent.
    before = savesSeen(page);
    await page.getByLabel('细分市场占有率（%）').fill('120');
    await page.getByText('不能超过 100%').waitFor();
    await page.getByText('有填写不正确的项（已标红），改正后自动保存').waitFor();
    await page.getByLabel('细分市场占有率（%）').fill('18.5');
    await autosaved(page, before);

    // Reload: every value is back.
    await page.reload();
    await page.getByRole('heading', { name: /申报书 · 浏览器测试/ }).waitFor();
    await expect.poll(() => page.getByLabel('联系人').inputValue()).toBe('王晓明');
    expect(await page.getByLabel('联系电话').inputValue()).toBe('023-46712345');
    await page.getByRole('tab', { name: '专业化' }).click();
    expect(await page.getByLabel('细分市场占有率（%）').inputValue()).toBe('18.5');
    expect(await page.getByLabel('进入细分市场年份').inputValue()).toBe('2012');

    // Evidence (佐证材料) for an indicator.
    await page.getByRole('tab', { name: '附件' }).click();
    const file = path.join(tmpdir(), '审计报告2025.pdf');
    writeFileSync(file, pdf('audit 2025'));
    before = savesSeen(page);
    await page.getByTestId('evidence-general').locator('xpath=ancestor::tr').locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('evidence-general').getByRole('link', { name: '审计报告2025.pdf' }).waitFor();
    await autosaved(page, before);
    await page.screenshot({ path: 'test-results/recognition-application-evidence.png', fullPage: true });

    await page.reload();
    await page.getByRole('tab', { name: '附件' }).click();
    await page.getByTestId('evidence-general').getByRole('link', { name: '审计报告2025.pdf' }).waitFor();

    // Submission needs both pledges.
    const submit = page.getByRole('button', { name: '提交申报' });
    expect(await submit.isDisabled()).toBe(true);
    await page.getByText(/^真实性声明/).click();
    await page.getByText(/^合规经营承诺/).click();
    await submit.click();

    await page.getByRole('heading', { name: '我的申报' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: '浏览器测试“小巨人”申报批次' });
    await row.getByTestId('application-status').filter({ hasText: '待区县初审' }).waitFor();
    await page.screenshot({ path: 'test-results/recognition-my-applications.png', fullPage: true });
    findings.push(...(await axeFindings(page, '我的申报')));
    expect(await page.locator('body').textContent()).not.toMatch(/submitted|little_giant|draft/);

    const [stored] = await web.h.database.query<{ status: string; contact: string; share: number; files: number }>(
      `select a.status, a.form #>> '{basic,contactName}' as contact, (a.form #>> '{specialisation,nicheMarketShare}')::float as share,
              (select count(*)::int from files f where f.owner_type = 'recognition_application' and f.owner_id = a.id::text) as files
       from recognition_applications a where a.round_id = $1`,
      [roundId],
    );
    expect(stored).toEqual({ status: 'submitted', contact: '王晓明', share: 18.5, files: 1 });

    // The print view of the frozen data, with the PDF beside it.
    await row.getByRole('button', { name: '打印申报书' }).click();
    await page.getByTestId('print-sheet').waitFor();
    await page.getByTestId('print-evidence').getByText('审计报告2025.pdf').waitFor();
    expect(await page.getByRole('link', { name: '下载 PDF' }).getAttribute('href')).toMatch(/\/api\/recognition\/applications\/.+\/pdf$/);
    findings.push(...(await axeFindings(page, '申报书打印')));
    expect(findings).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: 'test-results/recognition-application-print.png', fullPage: true });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
  });

  it('shows the district’s return reason on the status list and resubmits while the round is open', { timeout: 120_000 }, async () => {
    const [{ id }] = await web.h.database.query<{ id: string }>(`select id from recognition_applications where round_id = $1`, [roundId]);
    const district = await web.h.login('rongchang.admin');
    const returned = await web.h.app.inject({
      method: 'POST',
      url: `/api/recognition/applications/${id}/actions`,
      headers: { cookie: district },
      payload: { action: 'return', reasonCode: 'incomplete', reason: '请补充 2025 年度审计报告的盖章页' },
    });
    expect(returned.statusCode, returned.body).toBe(200);

    const page = await web.logIn('demo.enterprise');
    await page.getByRole('menuitem', { name: '我的申报' }).click();
    const row = page.getByRole('row').filter({ hasText: '浏览器测试“小巨人”申报批次' });
    await row.getByTestId('application-status').filter({ hasText: '已退回企业' }).waitFor();
    await row.getByTestId('return-reason').filter({ hasText: '材料不全：请补充 2025 年度审计报告的盖章页' }).waitFor();
    await page.screenshot({ path: 'test-results/recognition-returned.png', fullPage: true });
    expect(await axeFindings(page, '我的申报（已退回）')).toEqual([]);

    await row.getByRole('button', { name: '修改后重新提交' }).click();
    await page
      .getByTestId('returned-alert')
      .getByText(/申报被退回：材料不全：请补充/)
      .waitFor();
    // The form is editable again, and the change is saved as before.
    const before = savesSeen(page);
    countSaves(page);
    await page.getByLabel('联系人').fill('王晓明（财务）');
    await autosaved(page, before);
    await page.getByText(/^真实性声明/).click();
    await page.getByText(/^合规经营承诺/).click();
    await page.getByRole('button', { name: '重新提交' }).click();
    await page.getByRole('heading', { name: '我的申报' }).waitFor();
    await row.getByTestId('application-status').filter({ hasText: '待区县初审' }).waitFor();
    expect(await web.h.count(`select count(*) as n from recognition_history where application_id = $1 and action = 'submit'`, [id])).toBe(
      2,
    );
  });

  it('lists the eligibility reasons in Chinese when a submission is refused, and leaves the draft as it was', {
    timeout: 120_000,
  }, async () => {
    const today = todayInShanghai();
    const city = await web.h.login('city.admin');
    const round = await web.h.app.inject({
      method: 'POST',
      url: '/api/recognition/rounds',
      headers: { cookie: city },
      payload: {
        tier: 'srdi',
        type: 'new',
        year: Number(today.slice(0, 4)),
        opensOn: today,
        closesOn: shift(today, 20),
        expertReview: false,
        name: '浏览器测试专精特新批次',
      },
    });
    expect(round.statusCode, round.body).toBe(201);

    const page = await web.logIn('demo.enterprise');
    await page.getByRole('menuitem', { name: '可申报批次' }).click();
    const card = page.getByTestId('round-card').filter({ hasText: '浏览器测试专精特新批次' });
    // The precheck already says why (the enterprise holds a valid 专精特新 title).
    await card.getByText('按现有信息，本企业暂不符合申报条件（提交时将再次核验）').waitFor();
    await card.locator('li').first().waitFor();
    const reasons = await card.locator('li').allTextContents();
    expect(reasons.join('；')).toMatch(/专精特新中小企业/);
    await card.getByRole('button', { name: /申\s*报/ }).click();
    await page.getByRole('heading', { name: /申报书 · 浏览器测试专精特新批次/ }).waitFor();
    await page.getByText(/^真实性声明/).click();
    await page.getByText(/^合规经营承诺/).click();
    await page.getByRole('button', { name: '提交申报' }).click();
    const refusal = page.getByTestId('submit-refusal');
    await refusal.getByText('暂不符合申报条件，未提交：').waitFor();
    await refusal.locator('li').first().waitFor();
    // (The precheck and the submission word it differently: B's list and A's submit, noted in the report.)
    expect((await refusal.locator('li').allTextContents()).join('；')).toMatch(/已持有有效的专精特新中小企业/);
    await page.screenshot({ path: 'test-results/recognition-submit-refused.png', fullPage: true });
    expect(await page.getByTestId('application-status').textContent()).toBe('草稿');
    expect(
      await web.h.count(
        `select count(*) as n from recognition_applications where round_id = $1 and status = 'draft' and submitted_at is null`,
        [round.json().id],
      ),
    ).toBe(1);
  });

  it('reloads the stored form and says so when another tab saved meanwhile', { timeout: 120_000 }, async () => {
    const today = todayInShanghai();
    const city = await web.h.login('city.admin');
    const second = await web.h.app.inject({
      method: 'POST',
      url: '/api/recognition/rounds',
      headers: { cookie: city },
      payload: {
        tier: 'little_giant',
        type: 'new',
        year: Number(today.slice(0, 4)),
        opensOn: today,
        closesOn: shift(today, 20),
        expertReview: false,
        name: '浏览器测试第二批次',
      },
    });
    expect(second.statusCode, second.body).toBe(201);
    const cookie = await web.h.login('demo.enterprise');
    const created = await web.h.app.inject({
      method: 'POST',
      url: '/api/recognition/applications',
      headers: { cookie },
      payload: { roundId: second.json().id },
    });
    expect(created.statusCode, created.body).toBe(201);
    const app = created.json();

    const page = await web.logIn('demo.enterprise');
    await page.goto(`${web.baseUrl}/recognition/applications/${app.id}`);
    await page.getByRole('heading', { name: /申报书 · 浏览器测试第二批次/ }).waitFor();
    await expect.poll(() => page.getByLabel('企业名称').inputValue()).toBe('重庆昌州智能装备股份有限公司');

    // "Another tab" saves first.
    const other = await web.h.app.inject({
      method: 'PUT',
      url: `/api/recognition/applications/${app.id}/draft`,
      headers: { cookie },
      payload: { form: { ...app.form, basic: { ...app.form.basic, contactName: '另一窗口' } }, formVersion: app.formVersion },
    });
    expect(other.statusCode, other.body).toBe(200);

    await page.getByLabel('联系人').fill('本窗口');
    await page.getByText('本申报书已在其他窗口或设备上保存过，已重新载入最新保存的内容，请核对后继续填写').waitFor();
    await expect.poll(() => page.getByLabel('联系人').inputValue()).toBe('另一窗口');
    await page.screenshot({ path: 'test-results/recognition-application-stale.png', fullPage: true });
  });

  it('updates last year’s figures in 万元 (stored in yuan) and shows the titles’ story on the enterprise page', {
    timeout: 120_000,
  }, async () => {
    const page = await web.logIn('demo.enterprise');
    await page.getByRole('menuitem', { name: '年度信息更新' }).click();
    await page.getByRole('heading', { name: '年度信息更新' }).waitFor();
    const dataYear = Number(todayInShanghai().slice(0, 4)) - 1;
    await page.getByText(`${dataYear} 年度经营数据`).waitFor();
    // Pre-filled from the registry, in 万元.
    await expect.poll(() => page.getByLabel('营业收入（万元）').inputValue()).not.toBe('');
    expect(await axeFindings(page, '年度信息更新')).toEqual([]);
    // A revenue below the main business revenue: the registry's rule, in its words, under the field; nothing sent.
    await page.getByLabel('营业收入（万元）').fill('100');
    await page.getByLabel('主营业务收入（万元）').fill('200');
    await page.getByRole('button', { name: /提交年度信息|修改并重新提交/ }).click();
    await page.getByText('主营业务收入不能大于营业收入').waitFor();
    expect(await web.h.count(`select count(*) as n from annual_updates`)).toBe(0);
    await page.screenshot({ path: 'test-results/recognition-annual-update-refused.png', fullPage: true });

    await page.getByLabel('营业收入（万元）').fill('18000.1234');
    await page.getByLabel('主营业务收入（万元）').fill('15928.7964');
    await page.getByLabel('研发人员（人）').fill('41');
    await page.getByRole('button', { name: /提交年度信息|修改并重新提交/ }).click();
    await page.getByText(new RegExp(`${dataYear} 年度信息已(按期)?更新`)).waitFor();
    // The past updates list it, with whether it came by the deadline.
    await page
      .getByTestId('annual-update-history')
      .getByRole('row')
      .filter({ hasText: `${dataYear} 年度` })
      .filter({ hasText: /按期|逾期/ })
      .waitFor();
    await page.screenshot({ path: 'test-results/recognition-annual-update.png', fullPage: true });
    await page.screenshot({ path: 'test-results/recognition-annual-update.png', fullPage: true });
    const [year] = await web.h.database.query<{ revenue: string; rd_staff: number }>(
      `select y.revenue::text as revenue, y.rd_staff from enterprise_years y join enterprises e on e.id = y.enterprise_id
       where e.name = '重庆昌州智能装备股份有限公司' and y.year = $1`,
      [dataYear],
    );
    expect(year).toEqual({ revenue: '180001234', rd_staff: 41 });

    await page.getByRole('menuitem', { name: '本企业信息' }).click();
    const story = page.getByTestId('title-story');
    await story.getByText('专精特新中小企业').first().waitFor();
    await story.getByText('有效期至').first().waitFor();
    await story.getByText('浏览器测试“小巨人”申报批次').waitFor();
    await story.screenshot({ path: 'test-results/recognition-title-story.png' });
    expect(await story.textContent()).not.toMatch(/valid|srdi|little_giant|submitted/);
  });
});
