import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/domain/dates.js';
import { banUntil, titleValidUntil } from '../../src/domain/recognition/lifecycle.js';
import { pdf, png } from '../files/samples.js';
import { startWeb, type WebHarness } from '../support/web.js';

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const ROUND = '端到端专精特新新申报批次';
const REVIEW_ROUND = '端到端专精特新复核批次';
/** What must never reach a screen: status/tier/category codes of the recognition module, raw uuids. */
const CODES =
  /\b(draft|submitted|returned|district_approved|expert_review|city_approved|in_publicity|recognised|not_recognised|srdi|little_giant|innovative|data_falsification|incomplete|dismissed|upheld|under_review)\b|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/**
 * The "Done when": one 专精特新 新申报 round from creation to the title and its revocation,
 * every step through the pages (city, 荣昌区, the enterprise, a drawn expert), a screenshot per step
 * (test-results/recognition-<nn>-<step>.png) and the database checked at the key points.
 */
describe('a recognition round end to end in a real browser', () => {
  let web: WebHarness;
  let enterpriseId: string;
  let enterpriseName: string;
  let roundId: string;
  let appId: string;
  const today = todayInShanghai();
  const pages: Page[] = [];

  const open = async (username: string) => {
    const page = await web.logIn(username);
    page.setDefaultTimeout(20_000);
    pages.push(page);
    return page;
  };
  const done = async (page: Page) => {
    await page.context().close();
  };
  const shot = async (page: Page, nn: string, step: string) => {
    await page.screenshot({ path: `test-results/recognition-${nn}-${step}.png`, fullPage: true });
    expect(await page.locator('body').innerText(), `screen ${nn}-${step}`).not.toMatch(CODES);
  };
  const statusOf = async () =>
    (await web.h.owner.query<{ status: string }>('select status from recognition_applications where id = $1', [appId]))[0]?.status;
  const historyActions = async () =>
    (
      await web.h.owner.query<{ action: string }>('select action from recognition_history where application_id = $1 order by at, id', [
        appId,
      ])
    ).map((r) => r.action);
  /** An antd date input: type the day and confirm. */
  const pickDate = async (page: Page, input: ReturnType<Page['getByLabel']>, day: string) => {
    await input.click();
    await input.fill(day);
    await input.press('Enter');
  };

  beforeAll(async () => {
    web = await startWeb();
    [{ id: enterpriseId, name: enterpriseName }] = await web.h.owner.query<{ id: string; name: string }>(
      "select e.id, e.name from enterprises e join users u on u.enterprise_id = e.id where u.username = 'demo.enterprise'",
    );
    // The only set-up outside the pages: the demo enterprise (荣昌区, small) holds a valid 创新型 title,
    // the tier below 专精特新, and nothing else.
    await web.h.owner.query('delete from enterprise_titles where enterprise_id = $1', [enterpriseId]);
    await web.h.owner.query(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status)
       values ($1, 'innovative', 'municipal', $2, $3, 'valid')`,
      [enterpriseId, shift(today, -400), shift(today, 700)],
    );
    await web.h.owner.query("update enterprises set size_class = 'small', district_code = '500153', zone_code = null where id = $1", [
      enterpriseId,
    ]);
  }, 180_000);
  afterAll(async () => {
    for (const p of pages)
      await p
        .context()
        .close()
        .catch(() => undefined);
    await web?.close();
  });

  it('1. the city creates a 专精特新 新申报 round (opens today, closes in a month, experts score, 公示 5 days)', async () => {
    const page = await open('city.admin');
    await page.getByRole('menuitem', { name: '申报批次' }).click();
    await page.getByRole('heading', { name: '申报批次' }).waitFor();
    await page.getByRole('button', { name: '新建批次' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('新建申报批次').waitFor();
    await drawer.getByLabel('批次名称').fill(ROUND);
    const closesOn = shift(today, 30);
    await pickDate(page, drawer.getByPlaceholder('开始日期'), today);
    await pickDate(page, drawer.getByPlaceholder('截止日期'), closesOn);
    await drawer.getByLabel('每项申报专家人数').fill('1');
    expect(await drawer.getByLabel('公示期').inputValue()).toBe('5');
    await drawer
      .getByTestId('rule-set-name')
      .filter({ hasText: /专精特新/ })
      .waitFor();
    await shot(page, '01', 'city-new-round');
    await drawer.getByRole('button', { name: '创建批次' }).click();
    await page.getByText(`已创建“${ROUND}”`).waitFor();
    const row = page.getByRole('row').filter({ hasText: ROUND });
    await row.getByText('申报中').waitFor();
    await shot(page, '02', 'city-rounds');

    const [round] = await web.h.owner.query<{
      id: string;
      tier: string;
      type: string;
      opens_on: string;
      closes_on: string;
      expert_review: boolean;
      experts_per_application: number;
      publicity_days: number;
    }>(
      `select id, tier, type, opens_on::text, closes_on::text, expert_review, experts_per_application, publicity_days
       from recognition_rounds where name = $1`,
      [ROUND],
    );
    roundId = round.id;
    expect(round).toMatchObject({
      tier: 'srdi',
      type: 'new',
      opens_on: today,
      closes_on: closesOn,
      expert_review: true,
      experts_per_application: 1,
      publicity_days: 5,
    });
    await done(page);
  }, 120_000);

  it('2. the enterprise opens the round, fills the tabs, attaches evidence, reloads (all restored) and submits with the pledge', async () => {
    const page = await open('demo.enterprise');
    await page.getByRole('menuitem', { name: '可申报批次' }).click();
    const card = page.getByTestId('round-card').filter({ hasText: ROUND });
    await card.getByText('符合申报条件').waitFor();
    await shot(page, '03', 'enterprise-rounds');
    await card.getByRole('button', { name: /申\s*报/ }).click();
    await page.getByRole('heading', { name: new RegExp(`申报书 · ${ROUND}`) }).waitFor();
    await expect.poll(() => page.getByLabel('企业名称').inputValue()).toBe(enterpriseName);

    const saved = async (before: number) => {
      await expect.poll(() => saves > before, { timeout: 15_000 }).toBe(true);
      await page.getByTestId('autosave-status').waitFor();
    };
    let saves = 0;
    page.on('response', (r) => {
      if (r.request().method() === 'PUT' && r.url().endsWith('/draft') && r.status() === 200) saves++;
    });

    let before = saves;
    await page.getByLabel('联系人').fill('陈晓燕');
    await page.getByLabel('联系电话').fill('023-46788888');
    await saved(before);
    await page.getByRole('tab', { name: '专业化' }).click();
    before = saves;
    await page.getByLabel('细分市场占有率（%）').fill('21.5');
    await page.getByLabel('进入细分市场年份').fill('2011');
    await saved(before);
    await page.getByTestId('live-evaluation').waitFor();
    await shot(page, '04', 'enterprise-form');

    await page.getByRole('tab', { name: '附件' }).click();
    const report = path.join(tmpdir(), '研发费用专项审计报告.pdf');
    writeFileSync(report, pdf('rd audit'));
    before = saves;
    await page.getByTestId('evidence-general').locator('xpath=ancestor::tr').locator('input[type=file]').setInputFiles(report);
    await page.getByTestId('evidence-general').getByRole('link', { name: '研发费用专项审计报告.pdf' }).waitFor();
    await saved(before);
    await shot(page, '05', 'enterprise-evidence');

    await page.reload();
    await page.getByRole('heading', { name: new RegExp(`申报书 · ${ROUND}`) }).waitFor();
    await expect.poll(() => page.getByLabel('联系人').inputValue()).toBe('陈晓燕');
    expect(await page.getByLabel('联系电话').inputValue()).toBe('023-46788888');
    await page.getByRole('tab', { name: '专业化' }).click();
    expect(await page.getByLabel('细分市场占有率（%）').inputValue()).toBe('21.5');
    expect(await page.getByLabel('进入细分市场年份').inputValue()).toBe('2011');
    await page.getByRole('tab', { name: '附件' }).click();
    await page.getByTestId('evidence-general').getByRole('link', { name: '研发费用专项审计报告.pdf' }).waitFor();
    await shot(page, '06', 'enterprise-reloaded');

    await page.getByText(/^真实性声明/).click();
    await page.getByText(/^合规经营承诺/).click();
    await page.getByRole('button', { name: '提交申报' }).click();
    await page.getByRole('heading', { name: '我的申报' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: ROUND });
    await row.getByTestId('application-status').filter({ hasText: '待区县初审' }).waitFor();
    await shot(page, '07', 'enterprise-submitted');

    const [stored] = await web.h.owner.query<{ id: string; status: string; contact: string; pledged: boolean; files: number }>(
      `select a.id, a.status, a.form #>> '{basic,contactName}' as contact, a.pledged_at is not null as pledged,
              (select count(*)::int from files f where f.owner_type = 'recognition_application' and f.owner_id = a.id::text) as files
       from recognition_applications a where a.round_id = $1 and a.enterprise_id = $2`,
      [roundId, enterpriseId],
    );
    appId = stored.id;
    expect(stored).toMatchObject({ status: 'submitted', contact: '陈晓燕', pledged: true, files: 1 });
    expect(await historyActions()).toContain('submit');
    await done(page);
  }, 180_000);

  it('3. 荣昌区 returns it (材料不全 with a text); the enterprise sees the reason and resubmits', async () => {
    const page = await open('rongchang.admin');
    await page.getByRole('menuitem', { name: '申报审核' }).click();
    await page.getByRole('heading', { name: '申报审核' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(enterpriseName) }).filter({ hasText: ROUND });
    await row.getByText('待区县初审').waitFor();
    await shot(page, '08', 'district-list');
    await row.getByRole('link', { name: enterpriseName }).click();
    await page.getByRole('heading', { name: enterpriseName }).waitFor();
    await page.getByRole('button', { name: '退回企业' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '原因类别' }).click();
    await page.getByTitle('材料不全', { exact: true }).click();
    await dialog.getByLabel('具体原因').fill('缺少近两年研发费用加计扣除的纳税申报表，请补充后重新提交');
    await shot(page, '09', 'district-return-dialog');
    await dialog.getByRole('button', { name: '退回企业' }).click();
    await page.getByText('最近一次退回：材料不全').waitFor();
    await shot(page, '10', 'district-returned');
    expect(await statusOf()).toBe('returned');
    await done(page);

    const enterprise = await open('demo.enterprise');
    await enterprise.getByRole('menuitem', { name: '我的申报' }).click();
    const mine = enterprise.getByRole('row').filter({ hasText: ROUND });
    await mine.getByTestId('return-reason').filter({ hasText: '材料不全：缺少近两年研发费用加计扣除的纳税申报表' }).waitFor();
    await shot(enterprise, '11', 'enterprise-returned-list');
    await mine.getByRole('button', { name: '修改后重新提交' }).click();
    await enterprise
      .getByTestId('returned-alert')
      .filter({ hasText: '申报被退回：材料不全：缺少近两年研发费用加计扣除的纳税申报表' })
      .waitFor();
    // The missing document, as a scanned page.
    await enterprise.getByRole('tab', { name: '附件' }).click();
    const scan = path.join(tmpdir(), '研发费用加计扣除申报表.png');
    writeFileSync(scan, png());
    await enterprise.getByTestId('evidence-general').locator('xpath=ancestor::tr').locator('input[type=file]').setInputFiles(scan);
    await enterprise.getByTestId('evidence-general').getByRole('link', { name: '研发费用加计扣除申报表.png' }).waitFor();
    await enterprise.getByTestId('autosave-status').waitFor();
    await shot(enterprise, '12', 'enterprise-returned-form');
    await enterprise.getByText(/^真实性声明/).click();
    await enterprise.getByText(/^合规经营承诺/).click();
    await enterprise.getByRole('button', { name: '重新提交' }).click();
    await enterprise.getByRole('heading', { name: '我的申报' }).waitFor();
    await enterprise
      .getByRole('row')
      .filter({ hasText: ROUND })
      .getByTestId('application-status')
      .filter({ hasText: '待区县初审' })
      .waitFor();
    await shot(enterprise, '13', 'enterprise-resubmitted');
    expect(await statusOf()).toBe('submitted');
    expect(await historyActions()).toEqual(expect.arrayContaining(['submit', 'return']));
    expect((await historyActions()).filter((a) => a === 'submit')).toHaveLength(2);
    expect(
      await web.h.count("select count(*) as n from files where owner_type = 'recognition_application' and owner_id = $1", [appId]),
    ).toBe(2);
    await done(enterprise);
  }, 180_000);
});
