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
const SECOND_ROUND = '端到端专精特新第二批次';
const DOCUMENT_NO = '渝经信发〔2026〕88号';
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
    // Once more when the login page did not come up (two cores shared with other test runs and web builds).
    const page = await web.logIn(username).catch(() => web.logIn(username));
    page.setDefaultTimeout(20_000);
    pages.push(page);
    return page;
  };
  const done = async (page: Page) => {
    await page.context().close();
  };
  const shot = async (page: Page, nn: string, step: string) => {
    await page.screenshot({ path: `test-results/recognition-${nn}-${step}.png`, fullPage: true });
    expect(await page.locator('body').textContent(), `screen ${nn}-${step}`).not.toMatch(CODES);
    // Nothing wider than the window (a table pushing the page sideways).
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      `width of ${nn}-${step}`,
    ).toBeLessThanOrEqual(0);
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
  const pickDate = async (input: ReturnType<Page['getByLabel']>, day: string) => {
    await input.click();
    await input.fill(day);
    await input.press('Enter');
  };

  /** Counts the autosaves (PUT …/draft answered 200) of a page. */
  const countSaves = (page: Page) => {
    const seen = { n: 0 };
    page.on('response', (r) => {
      if (r.request().method() === 'PUT' && r.url().endsWith('/draft') && r.status() === 200) seen.n++;
    });
    return seen;
  };
  /** Waits for an autosave after `before` (the change reached the server). */
  const autosaved = async (page: Page, seen: { n: number }, before: number) => {
    await expect.poll(() => seen.n > before, { timeout: 15_000 }).toBe(true);
    await page.getByTestId('autosave-status').waitFor();
  };
  /** 新建批次 on 申报批次 (专精特新, opening today for a month); the list shows the new round 申报中. */
  const createRound = async (page: Page, r: { name: string; type: '新申报' | '复核'; expertReview: boolean }, nn: string) => {
    await page.getByRole('menuitem', { name: '申报批次' }).click();
    await page.getByRole('heading', { name: '申报批次' }).waitFor();
    await page.getByRole('button', { name: '新建批次' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('新建申报批次').waitFor();
    await drawer.getByLabel(r.type).check();
    await drawer.getByLabel('批次名称').fill(r.name);
    await pickDate(drawer.getByPlaceholder('开始日期'), today);
    await pickDate(drawer.getByPlaceholder('截止日期'), shift(today, 30));
    if (r.expertReview) await drawer.getByLabel('每项申报专家人数').fill('1');
    else await drawer.getByRole('switch', { name: '专家评审' }).click();
    expect(await drawer.getByLabel('公示期').inputValue()).toBe('5');
    await drawer
      .getByTestId('rule-set-name')
      .filter({ hasText: /专精特新/ })
      .waitFor();
    await shot(page, nn, 'city-new-round');
    await drawer.getByRole('button', { name: '创建批次' }).click();
    await page.getByText(`已创建“${r.name}”`).waitFor();
    const row = page.getByRole('row').filter({ hasText: r.name });
    await row.getByText('申报中').waitFor();
    await row.getByText(r.type, { exact: true }).waitFor();
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
    const closesOn = shift(today, 30);
    await createRound(page, { name: ROUND, type: '新申报', expertReview: true }, '01');
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

    const saves = countSaves(page);
    const saved = (before: number) => autosaved(page, saves, before);
    let before = saves.n;
    await page.getByLabel('联系人').fill('陈晓燕');
    await page.getByLabel('联系电话').fill('023-46788888');
    await saved(before);
    await page.getByRole('tab', { name: '专业化' }).click();
    before = saves.n;
    await page.getByLabel('细分市场占有率（%）').fill('21.5');
    await page.getByLabel('进入细分市场年份').fill('2011');
    await saved(before);
    await page.getByTestId('live-evaluation').waitFor();
    await shot(page, '04', 'enterprise-form');

    await page.getByRole('tab', { name: '附件' }).click();
    const report = path.join(tmpdir(), '研发费用专项审计报告.pdf');
    writeFileSync(report, pdf('rd audit'));
    before = saves.n;
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
    const saves = countSaves(enterprise);
    await mine.getByRole('button', { name: '修改后重新提交' }).click();
    await enterprise
      .getByTestId('returned-alert')
      .filter({ hasText: '申报被退回：材料不全：缺少近两年研发费用加计扣除的纳税申报表' })
      .waitFor();
    // The missing document, as a scanned page.
    await enterprise.getByRole('tab', { name: '附件' }).click();
    const scan = path.join(tmpdir(), '研发费用加计扣除申报表.png');
    writeFileSync(scan, png());
    const before = saves.n;
    await enterprise.getByTestId('evidence-general').locator('xpath=ancestor::tr').locator('input[type=file]').setInputFiles(scan);
    await enterprise.getByTestId('evidence-general').getByRole('link', { name: '研发费用加计扣除申报表.png' }).waitFor();
    await autosaved(enterprise, saves, before);
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
    // Both files are the application's evidence, in the form as submitted and frozen.
    const [evidence] = await web.h.owner.query<{ form: number; frozen: number }>(
      `select jsonb_array_length(form #> '{evidence,general}') as form, jsonb_array_length(frozen #> '{form,evidence,general}') as frozen
       from recognition_applications where id = $1`,
      [appId],
    );
    expect(evidence).toEqual({ form: 2, frozen: 2 });
    expect(await historyActions()).toEqual(expect.arrayContaining(['submit', 'return']));
    expect((await historyActions()).filter((a) => a === 'submit')).toHaveLength(2);
    expect(
      await web.h.count("select count(*) as n from files where owner_type = 'recognition_application' and owner_id = $1", [appId]),
    ).toBe(2);
    await done(enterprise);
  }, 180_000);
  it('4. 荣昌区 approves (初审通过); the city draws the experts; the drawn expert answers, scores, writes an opinion and submits', async () => {
    const district = await open('rongchang.admin');
    await district.goto(`${web.baseUrl}/recognition/applications/${appId}`);
    await district.getByRole('heading', { name: enterpriseName }).waitFor();
    await district.getByRole('button', { name: '初审通过' }).click();
    const dialog = district.getByRole('dialog');
    await dialog.getByLabel('审核意见（可不填）').fill('已补齐纳税申报表，材料齐全');
    await dialog.getByRole('button', { name: '初审通过' }).click();
    await district.getByText('已初审通过').first().waitFor();
    await shot(district, '14', 'district-approved');
    expect(await statusOf()).toBe('district_approved');
    await done(district);

    const city = await open('city.admin');
    await city.goto(`${web.baseUrl}/recognition/rounds/${roundId}`);
    await city.getByRole('heading', { name: ROUND }).waitFor();
    await city.getByRole('button', { name: '为初审通过的 1 项申报抽取专家' }).click();
    await city.getByText('已为 1 项申报抽取评审专家').waitFor();
    await shot(city, '15', 'city-experts-drawn');
    expect(await statusOf()).toBe('expert_review');
    await done(city);

    const drawn = await web.h.owner.query<{ username: string }>(
      `select u.username from recognition_expert_reviews r join experts x on x.id = r.expert_id join users u on u.id = x.user_id
       where r.application_id = $1`,
      [appId],
    );
    expect(drawn).toHaveLength(1);
    // The drawn expert reads the application without the enterprise's contact person and phone.
    const [{ phone }] = await web.h.owner.query<{ phone: string }>(
      "select frozen->'registry'->>'contactPhone' as phone from recognition_applications where id = $1",
      [appId],
    );
    expect(phone).toBeTruthy();
    const read = async (username: string) =>
      (
        await web.h.app.inject({
          method: 'GET',
          url: `/api/recognition/applications/${appId}`,
          headers: { cookie: await web.h.login(username) },
        })
      ).body;
    expect(await read(drawn[0].username)).not.toContain(phone);
    expect(await read('city.admin')).toContain(phone);
    const expert = await open(drawn[0].username);
    await expert.getByRole('menuitem', { name: '专家评审' }).click();
    await expert.getByRole('heading', { name: '专家评审' }).waitFor();
    const task = expert.getByRole('row').filter({ hasText: enterpriseName });
    await task.getByText('待评审').waitFor();
    await shot(expert, '16', 'expert-reviews');
    await task.getByRole('link', { name: '评审' }).click();
    const card = expert.locator('.ant-card').filter({ hasText: '专家评审意见' }).first();
    await card.getByRole('button', { name: '提交评审意见' }).waitFor();
    // Every question the rules leave to a person: 是.
    const yes = card.getByRole('radio', { name: '是' });
    for (let i = 0; i < (await yes.count()); i++) await yes.nth(i).check();
    if ((await card.getByLabel(/特色化指标得分/).count()) > 0) await card.getByLabel(/特色化指标得分/).fill('12');
    await card.getByLabel(/评审得分/).fill('86');
    await card.getByLabel('评审意见').fill('细分市场地位突出，研发投入稳定，同意推荐认定。');
    await shot(expert, '17', 'expert-scoring');
    await card.getByRole('button', { name: '提交评审意见' }).click();
    await expert.getByText('评审意见已提交').first().waitFor();
    await expert.getByText('您已提交本申报的评审意见').waitFor();
    await shot(expert, '18', 'expert-submitted');
    const [scored] = await web.h.owner.query<{ score: number; opinion: string; submitted: boolean; expert_score: string }>(
      `select r.score, r.opinion, r.submitted_at is not null as submitted, a.expert_score::text as expert_score
       from recognition_expert_reviews r join recognition_applications a on a.id = r.application_id where r.application_id = $1`,
      [appId],
    );
    expect(scored).toMatchObject({ score: 86, opinion: '细分市场地位突出，研发投入稳定，同意推荐认定。', submitted: true });
    expect(Number(scored.expert_score)).toBe(86);
    expect(await historyActions()).toEqual(expect.arrayContaining(['district_approve', 'experts_assigned', 'experts_scored']));
    await done(expert);
  }, 180_000);

  it('5. the city approves (复审通过), records a 公示 begun 10 days ago, and an objection it finds 不成立 with a reason', async () => {
    const city = await open('city.admin');
    await city.goto(`${web.baseUrl}/recognition/applications/${appId}`);
    await city.getByRole('heading', { name: enterpriseName }).waitFor();
    await city.getByText('专家评审得分').waitFor();
    await city.getByRole('button', { name: '复审通过' }).click();
    const dialog = city.getByRole('dialog');
    await dialog.getByLabel('审核意见（可不填）').fill('专家评审通过，同意认定');
    await dialog.getByRole('button', { name: '复审通过' }).click();
    await city.getByText('已复审通过').first().waitFor();
    await shot(city, '19', 'city-approved');
    expect(await statusOf()).toBe('city_approved');

    await city.goto(`${web.baseUrl}/recognition/rounds/${roundId}`);
    await city.getByRole('heading', { name: ROUND }).waitFor();
    await city.getByRole('checkbox', { name: `公示${enterpriseName}` }).waitFor();
    const startsOn = shift(today, -10);
    await pickDate(city.getByLabel('公示开始日期'), startsOn);
    await expect.poll(() => city.getByLabel('公示开始日期').inputValue()).toBe(startsOn);
    await shot(city, '20', 'city-publicity-start');
    await city.getByRole('button', { name: /开始公示（1 家）/ }).click();
    await city.getByText(/公示已开始，1 家企业，公示期至 \d{4}-\d{2}-\d{2}/).waitFor();
    const [round] = await web.h.owner.query<{ starts: string; ends: string }>(
      'select publicity_starts_on::text as starts, publicity_ends_on::text as ends from recognition_rounds where id = $1',
      [roundId],
    );
    expect(round.starts).toBe(startsOn);
    expect(round.ends < today).toBe(true);
    await city.getByText(`公示期：${startsOn} 至 ${round.ends}`).waitFor();
    await shot(city, '21', 'city-publicity');
    expect(await statusOf()).toBe('in_publicity');

    // An objection came in by phone during the 公示.
    await city.getByRole('link', { name: '无（登记异议）' }).click();
    await city.getByRole('heading', { name: enterpriseName }).waitFor();
    await city.getByRole('tab', { name: '异议' }).click();
    await city.getByRole('button', { name: '登记异议' }).click();
    const record = city.getByRole('dialog');
    await record.getByRole('combobox', { name: '异议渠道' }).click();
    await city.getByTitle('实名来电', { exact: true }).click();
    await record.getByLabel('异议人（实名）').fill('李建国');
    await record.getByLabel('联系方式').fill('13808300001');
    await record.getByLabel('异议事实').fill('反映该企业细分市场占有率数据偏高，与行业协会统计不符。');
    await pickDate(record.getByLabel('收到日期'), shift(today, -8));
    await shot(city, '22', 'city-objection-record');
    await record
      .getByRole('button', { name: '登 记' })
      .or(record.getByRole('button', { name: '登记' }))
      .click();
    await city.getByText('异议已登记，该企业在核查结论作出前暂停认定').waitFor();
    await city.getByRole('button', { name: '记录核查结论' }).click();
    const finding = city.getByRole('dialog');
    await finding.getByText('异议不成立').click();
    await finding.getByLabel('核查说明').fill('经核查行业协会 2025 年统计与企业审计报告，占有率数据属实，异议不成立。');
    await shot(city, '23', 'city-objection-finding');
    await finding.getByRole('button', { name: '保存结论' }).click();
    await city.getByText('已记录：异议不成立').waitFor();
    await city
      .getByRole('cell', { name: /不成立/ })
      .first()
      .waitFor();
    await shot(city, '24', 'city-objection-dismissed');
    const [objection] = await web.h.owner.query<{ status: string; finding_reason: string }>(
      'select status, finding_reason from recognition_objections where application_id = $1',
      [appId],
    );
    expect(objection).toEqual({
      status: 'dismissed',
      finding_reason: '经核查行业协会 2025 年统计与企业审计报告，占有率数据属实，异议不成立。',
    });
    expect(await statusOf()).toBe('in_publicity');
    expect(await historyActions()).toEqual(expect.arrayContaining(['city_approve', 'publicity', 'objection', 'objection_dismissed']));
    await done(city);
  }, 180_000);
  it('6. the city announces with a document number; the enterprise page shows the title for 3 years less a day, and a message', async () => {
    const city = await open('city.admin');
    await city.goto(`${web.baseUrl}/recognition/rounds/${roundId}`);
    await city.getByRole('heading', { name: ROUND }).waitFor();
    await expect.poll(() => city.getByLabel('公告日期').inputValue()).toBe(today);
    await city.getByLabel('文号').fill(DOCUMENT_NO);
    await shot(city, '25', 'city-announce');
    await city.getByRole('button', { name: '公告认定' }).click();
    await city.getByText('已公告：认定 1 家，不予认定 0 家').waitFor();
    await city.getByText(`已于 ${today} 公告（文号：${DOCUMENT_NO}），认定企业的称号有效期 3 年。`).waitFor();
    await shot(city, '26', 'city-announced');
    await done(city);

    const validUntil = titleValidUntil(today);
    expect(validUntil).toBe(shift(`${Number(today.slice(0, 4)) + 3}${today.slice(4)}`, -1));
    expect(await statusOf()).toBe('recognised');
    const [title] = await web.h.owner.query<{
      tier: string;
      status: string;
      recognised_on: string;
      valid_until: string;
      document_no: string;
      certificate_no: string;
      application_id: string;
    }>(
      `select tier, status, recognised_on::text, valid_until::text, document_no, certificate_no, application_id::text
       from enterprise_titles where enterprise_id = $1 and tier = 'srdi'`,
      [enterpriseId],
    );
    expect(title).toMatchObject({
      tier: 'srdi',
      status: 'valid',
      recognised_on: today,
      valid_until: validUntil,
      document_no: DOCUMENT_NO,
      application_id: appId,
    });
    expect(await historyActions()).toContain('announce');

    const enterprise = await open('demo.enterprise');
    await enterprise.getByRole('menuitem', { name: '本企业信息' }).click();
    const story = enterprise.getByTestId('title-story');
    const card = story.locator('.ant-card').filter({ hasText: '专精特新中小企业' }).filter({ hasText: DOCUMENT_NO }).first();
    await card.getByText('有效', { exact: true }).waitFor();
    const text = await card.textContent();
    expect(text).toContain(`认定日期${today}`);
    expect(text).toContain(`有效期至${validUntil}`);
    expect(text).toContain(`认定文号${DOCUMENT_NO}`);
    expect(text).toContain(`证书编号${title.certificate_no}`);
    await card.scrollIntoViewIfNeeded();
    await shot(enterprise, '27', 'enterprise-title');
    await enterprise.getByRole('menuitem', { name: '消息中心' }).click();
    await enterprise.getByText(`认定结果：${ROUND}`).first().waitFor();
    await enterprise.getByText(`有效期至 ${validUntil}`).first().waitFor();
    await shot(enterprise, '28', 'enterprise-message');
    expect(
      await web.h.count(
        "select count(*) as n from messages m join users u on u.id = m.user_id where u.username = 'demo.enterprise' and m.title = $1",
        [`认定结果：${ROUND}`],
      ),
    ).toBe(1);
    await done(enterprise);
  }, 180_000);

  it('7. the enterprise files its 年度信息更新; the city creates a 复核 round and the page lists it', async () => {
    const enterprise = await open('demo.enterprise');
    await enterprise.getByRole('menuitem', { name: '年度信息更新' }).click();
    await enterprise.getByRole('heading', { name: '年度信息更新' }).waitFor();
    const dataYear = Number(today.slice(0, 4)) - 1;
    await enterprise.getByText(`${dataYear} 年度经营数据`).waitFor();
    await expect.poll(() => enterprise.getByLabel('营业收入（万元）').inputValue()).not.toBe('');
    await enterprise.getByLabel('研发人员（人）').fill('39');
    await enterprise.getByLabel('研发费用（万元）').fill('860.5');
    await shot(enterprise, '29', 'enterprise-annual-update');
    await enterprise.getByRole('button', { name: /提交年度信息|修改并重新提交/ }).click();
    await enterprise
      .getByText(new RegExp(`${dataYear} 年度信息已(按期)?更新`))
      .first()
      .waitFor();
    await enterprise
      .locator('tr.ant-table-row')
      .filter({ hasText: `${dataYear} 年度` })
      .filter({ hasText: /按期|逾期/ })
      .waitFor();
    await shot(enterprise, '30', 'enterprise-annual-updated');
    const [year] = await web.h.owner.query<{ rd_staff: number; rd_expense: string }>(
      'select rd_staff, rd_expense::text as rd_expense from enterprise_years where enterprise_id = $1 and year = $2',
      [enterpriseId, dataYear],
    );
    expect(year).toEqual({ rd_staff: 39, rd_expense: '8605000' });
    expect(
      await web.h.count('select count(*) as n from annual_updates where enterprise_id = $1 and data_year = $2', [enterpriseId, dataYear]),
    ).toBe(1);
    await done(enterprise);

    const city = await open('city.admin');
    await createRound(city, { name: REVIEW_ROUND, type: '复核', expertReview: false }, '31');
    await shot(city, '32', 'city-review-round');
    const [review] = await web.h.owner.query<{ type: string; tier: string }>('select type, tier from recognition_rounds where name = $1', [
      REVIEW_ROUND,
    ]);
    expect(review).toEqual({ type: 'review', tier: 'srdi' });
    await done(city);
  }, 180_000);

  it('8. the city revokes the title for 数据造假 on the enterprise page; the enterprise is barred from another open round, with the date', async () => {
    const city = await open('city.admin');
    await city.goto(`${web.baseUrl}/enterprises/${enterpriseId}`);
    const story = city.getByTestId('title-story');
    const card = story.locator('.ant-card').filter({ hasText: DOCUMENT_NO }).first();
    await card.getByRole('button', { name: '撤销称号' }).click();
    const dialog = city.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '撤销类别' }).click();
    await city.getByTitle('提供虚假材料、数据造假', { exact: true }).click();
    const until = banUntil(today, 3);
    await dialog.getByText(`该企业持有的其他梯度称号一并撤销，3 年内（至 ${until}）不得申报任何层级的梯度培育认定。`).waitFor();
    await dialog.getByLabel('撤销原因').fill('经核查，申报时提供的细分市场占有率证明材料系伪造。');
    const decision = path.join(tmpdir(), '撤销决定书.pdf');
    writeFileSync(decision, pdf('revocation'));
    await dialog.locator('input[type=file]').setInputFiles(decision);
    await dialog.getByText('撤销决定书.pdf').waitFor();
    await expect.poll(() => dialog.locator('.ant-upload-list-item-done').count()).toBe(1);
    await shot(city, '33', 'city-revoke-dialog');
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await city.getByText(/已撤销专精特新中小企业称号/).waitFor();
    await card.getByText('已撤销').first().waitFor();
    await shot(city, '34', 'city-revoked');
    const [revoked] = await web.h.owner.query<{ status: string; revoked_on: string; revocation_category: string }>(
      "select status, revoked_on::text, revocation_category from enterprise_titles where enterprise_id = $1 and tier = 'srdi'",
      [enterpriseId],
    );
    expect(revoked).toEqual({ status: 'revoked', revoked_on: today, revocation_category: 'data_falsification' });
    // 数据造假 (117号): the 创新型 title goes with it.
    expect(
      await web.h.count("select count(*) as n from enterprise_titles where enterprise_id = $1 and status in ('valid', 'under_review')", [
        enterpriseId,
      ]),
    ).toBe(0);

    // Another open 专精特新 round, which the enterprise could otherwise apply to.
    await createRound(city, { name: SECOND_ROUND, type: '新申报', expertReview: false }, '35');
    await done(city);

    const enterprise = await open('demo.enterprise');
    await enterprise.getByRole('menuitem', { name: '可申报批次' }).click();
    const round = enterprise.getByTestId('round-card').filter({ hasText: SECOND_ROUND });
    await round.getByText('按现有信息，本企业暂不符合申报条件（提交时将再次核验）').waitFor();
    await round.getByRole('button', { name: /申\s*报/ }).click();
    const banned = `本企业因“提供虚假材料、数据造假”被撤销称号，${until} 前不得申报`;
    // The toast of the refused 申报 says it again.
    await enterprise.locator('.ant-message').getByText(banned).waitFor();
    await round.getByText(banned).waitFor();
    await shot(enterprise, '36', 'enterprise-banned');
    expect(
      await web.h.count(
        'select count(*) as n from recognition_applications a join recognition_rounds r on r.id = a.round_id where r.name = $1',
        [SECOND_ROUND],
      ),
    ).toBe(0);
    await done(enterprise);
  }, 180_000);
});
