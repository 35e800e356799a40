import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/domain/dates.js';
import { currentPeriod, formatPeriod, previousPeriod } from '../../src/domain/monitoring/periods.js';
import { expiryWindowEnd } from '../../src/domain/workbench/items.js';
import { bulletinDue } from '../../src/modules/bulletins/bulletin-due.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';
import { listApiOf } from './list-api.js';

// 工作台 (issue 12): GET /api/workbench per role. Counts equal what the test inserts; every item's url
// is a web page whose filters, sent to that page's API as the page sends them, list exactly `count`
// rows; a district never counts another's; on PGlite and PostgreSQL.

interface Unit {
  code: string;
  label: string;
  count: number;
  url: string;
}
interface Item {
  key: string;
  label: string;
  count: number;
  url: string;
  tone: 'normal' | 'warning' | 'danger';
  hint?: string;
  top?: Unit[];
}
interface Board {
  role: string;
  asOf: string;
  items: Item[];
}

const RONGCHANG = '500153';
const YUBEI = '500112';

describe.each(DATABASE_KINDS)('workbench on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  let demoId: string;
  let rongchang: string[];
  let yubei: string[];
  let roundId: string;
  /** A round in 公示 (an enterprise applies once per round: its items are apart from roundId's). */
  let publicityRoundId: string;
  const today = todayInShanghai();
  const due = previousPeriod(currentPeriod());
  const duePeriod = formatPeriod(due);

  const get = (user: string, url: string) => h.app.inject({ method: 'GET', url, headers: cookies[user] ? { cookie: cookies[user] } : {} });
  const board = async (user: string): Promise<Board> => {
    const res = await get(user, '/api/workbench');
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const item = (b: Board, key: string): Item => {
    const found = b.items.find((i) => i.key === key);
    if (!found) throw new Error(`no item ${key} in ${b.items.map((i) => i.key).join(', ')}`);
    return found;
  };
  const counts = (b: Board) => Object.fromEntries(b.items.map((i) => [i.key, i.count]));
  const addApplication = async (enterpriseId: string, status: string, dueInDays: number) => {
    await h.owner.query(
      `insert into recognition_applications (round_id, enterprise_id, district_code, zone_code, tier, status, submitted_at, district_due_on)
       select $1, e.id, e.district_code, e.zone_code, 'srdi', $2, now(), current_date + $3::int from enterprises e where e.id = $4`,
      [roundId, status, dueInDays, enterpriseId],
    );
  };
  const addExpiringTitle = (enterpriseId: string, inDays: number, status = 'valid') =>
    h.owner.query(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status)
       values ($1, 'innovative', 'municipal', current_date - 700, current_date + $2::int, $3)`,
      [enterpriseId, inDays, status],
    );
  /** An item in 公示 of the enterprise with one objection in that state (recorded by the district). */
  const addObjection = (enterpriseId: string, status: 'open' | 'dismissed') =>
    h.owner.query(
      `with app as (
         insert into recognition_applications (round_id, enterprise_id, district_code, zone_code, tier, status, submitted_at)
         select $1, e.id, e.district_code, e.zone_code, 'innovative', 'in_publicity', now() from enterprises e where e.id = $2 returning id
       )
       insert into recognition_objections (application_id, channel, objector_name, objector_contact, facts, received_on, status, recorded_by)
       select app.id, 'phone', '张三', '13800138000', '研发费用与实际不符', current_date, $3, u.id from app, users u where u.username = 'rongchang.admin'`,
      [publicityRoundId, enterpriseId, status],
    );
  const addMessages = (username: string, n: number) =>
    h.owner.query(
      `insert into messages (user_id, category, title, body)
       select u.id, 'system', '测试消息', '工作台测试' from users u, generate_series(1, $2::int) where u.username = $1`,
      [username, n],
    );
  /** A report of the due month that waits for its explanations' review (counts as reported). */
  const addWaitingReport = (enterpriseId: string) =>
    h.owner.query(
      `insert into monitoring_reports (enterprise_id, year, month, status, district_code, zone_code, tier, revenue_ytd, profit_ytd, employees, due_on, entered_by)
       select e.id, $2::int, $3::int, 'needs_explanation', e.district_code, e.zone_code, coalesce(e.current_tier, 'none'), 1000000, 100000, 20, current_date + 5, 'enterprise'
       from enterprises e where e.id = $1
       on conflict do nothing`,
      [enterpriseId, due.year, due.month],
    );

  /** Every item's (and every listed unit's) url opens a list whose API total is the item's count. */
  async function walk(user: string, b: Board) {
    let walked = 0;
    for (const i of b.items) {
      for (const target of [
        { url: i.url, count: i.count, what: i.key },
        ...(i.top ?? []).map((u) => ({ ...u, what: `${i.key} ${u.label}` })),
      ]) {
        const api = listApiOf(target.url);
        if (!api) continue;
        const res = await get(user, api);
        expect(res.statusCode, `${target.what}: ${api} ${res.body}`).toBe(200);
        expect(res.json().total, `${target.what}: ${target.url} → ${api}`).toBe(target.count);
        walked++;
      }
    }
    return walked;
  }

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise', 'expert.001']) cookies[u] = await h.login(u);
    [{ id: demoId }] = await h.database.query<{ id: string }>(
      "select e.id from users u join enterprises e on e.id = u.enterprise_id where u.username = 'demo.enterprise'",
    );
    // The test database's demo is small: six firms of other districts move into 荣昌区 and 渝北区 (no zone).
    const six = (
      await h.database.query<{ id: string }>(
        `select id from enterprises where district_code not in ($1, $2) and zone_code is null
           and id not in (select enterprise_id from users where enterprise_id is not null) order by id limit 6`,
        [RONGCHANG, YUBEI],
      )
    ).map((r) => r.id);
    rongchang = six.slice(0, 3);
    yubei = six.slice(3);
    await h.owner.query(
      'update enterprises set district_code = case when id = any($1::uuid[]) then $2 else $3 end, zone_code = null where id = any($4::uuid[])',
      [rongchang, RONGCHANG, YUBEI, six],
    );
    expect(rongchang.length).toBe(3);
    expect(yubei.length).toBe(3);
    [{ id: roundId }] = await h.owner.query<{ id: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set)
       values ('srdi', 'new', $1::int, '工作台测试批次', current_date - 30, current_date + 30, 'srdi-2022') returning id`,
      [Number(today.slice(0, 4))],
    );
    [{ id: publicityRoundId }] = await h.owner.query<{ id: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set, publicity_starts_on, publicity_ends_on)
       values ('innovative', 'new', $1::int, '工作台公示批次', current_date - 60, current_date - 30, 'innovative-2022', current_date - 2, current_date + 5) returning id`,
      [Number(today.slice(0, 4))],
    );
  });
  afterAll(() => h?.close());

  it('answers a district its own work: each count is what was added in the district, none of another district’s', async () => {
    const before = { rongchang: counts(await board('rongchang.admin')), yubei: counts(await board('yubei.admin')) };
    // 荣昌区: two applications waiting for 初审 (one past its due date), one already approved; 渝北区: one overdue.
    await addApplication(rongchang[0], 'submitted', 5);
    await addApplication(rongchang[1], 'submitted', -3);
    await addApplication(rongchang[2], 'district_approved', -3);
    await addApplication(yubei[0], 'submitted', -1);
    // Titles: one expiring in 30 days and one in 200 (outside the window), one under 复核 (already handled); 渝北区 one expiring.
    await addExpiringTitle(rongchang[0], 30);
    await addExpiringTitle(rongchang[1], 200);
    await addExpiringTitle(rongchang[2], 10, 'under_review');
    await addExpiringTitle(yubei[1], 20);
    // 公示: one 荣昌区 item with an objection the city has not found yet, one whose objection it dismissed.
    await addObjection(rongchang[0], 'open');
    await addObjection(rongchang[1], 'dismissed');
    await addMessages('rongchang.admin', 3);
    await addMessages('yubei.admin', 1);
    // The due month: the demo enterprise (荣昌区, in the sample) reports and waits for its explanations' review.
    const [{ n: demoReported }] = await h.database.query<{ n: number }>(
      `select count(*)::int as n from monitoring_reports where enterprise_id = $1 and year = $2 and month = $3 and status in ('accepted', 'needs_explanation')`,
      [demoId, due.year, due.month],
    );
    await addWaitingReport(demoId);

    const r = await board('rongchang.admin');
    const y = await board('yubei.admin');
    expect(r.role).toBe('district_admin');
    expect(r.asOf).toBe(today);
    const rc = counts(r);
    const yc = counts(y);
    expect(rc['recognition.first_review']).toBe(before.rongchang['recognition.first_review'] + 2);
    expect(rc['recognition.first_review_overdue']).toBe(before.rongchang['recognition.first_review_overdue'] + 1);
    expect(rc['titles.expiring']).toBe(before.rongchang['titles.expiring'] + 1);
    expect(rc['recognition.objections_open']).toBe(before.rongchang['recognition.objections_open'] + 1);
    expect(yc['recognition.objections_open']).toBe(before.yubei['recognition.objections_open']);
    expect(rc['messages.unread']).toBe(before.rongchang['messages.unread'] + 3);
    expect(yc['recognition.first_review']).toBe(before.yubei['recognition.first_review'] + 1);
    expect(yc['recognition.first_review_overdue']).toBe(before.yubei['recognition.first_review_overdue'] + 1);
    expect(yc['titles.expiring']).toBe(before.yubei['titles.expiring'] + 1);
    expect(yc['messages.unread']).toBe(before.yubei['messages.unread'] + 1);
    if (demoReported === 0) {
      expect(rc['monitoring.non_reporters']).toBe(before.rongchang['monitoring.non_reporters'] - 1);
      expect(rc['monitoring.needs_explanation']).toBe(before.rongchang['monitoring.needs_explanation'] + 1);
    }
    // 渝北区's monthly figures did not move with 荣昌区's report.
    expect(yc['monitoring.non_reporters']).toBe(before.yubei['monitoring.non_reporters']);
    expect(yc['monitoring.needs_explanation']).toBe(before.yubei['monitoring.needs_explanation']);
    // The city's own 复审 is not a district's item.
    expect(rc['recognition.second_review']).toBeUndefined();
    // Tone: overdue is danger; the links carry the filters.
    expect(item(r, 'recognition.first_review_overdue')).toMatchObject({ tone: 'danger', url: '/recognition/applications?overdue=1' });
    expect(item(r, 'recognition.first_review').url).toBe('/recognition/applications?status=submitted');
    expect(item(r, 'titles.expiring').url).toBe(`/enterprises?titleExpiresBy=${expiryWindowEnd(today)}`);
    expect(item(r, 'monitoring.non_reporters').url).toBe(`/monitoring/chase?period=${duePeriod}`);
    expect(item(r, 'monitoring.needs_explanation').url).toBe(`/monitoring/reports?period=${duePeriod}&status=needs_explanation`);
    expect(item(r, 'messages.unread').url).toBe('/messages?view=unread');
    expect(item(r, 'recognition.objections_open')).toMatchObject({ url: '/recognition/applications?objection=open', tone: 'normal' });
    expect(item(r, 'recognition.first_review').top).toBeUndefined();
    // Nothing in the answer is English or a raw code to a reader: labels and hints are Chinese.
    for (const i of [...r.items, ...y.items]) {
      expect(i.label).toMatch(/[\u4e00-\u9fa5]/);
      expect(i.hint ?? '').not.toMatch(/[a-z_]{4,}/);
    }
    // Every url opens a list with exactly that count.
    expect(await walk('rongchang.admin', r)).toBeGreaterThanOrEqual(7);
    expect(await walk('yubei.admin', y)).toBeGreaterThanOrEqual(7);
  });

  it('answers the city the same counts across the districts, with the districts that have the most, and its own 复审', async () => {
    const c = await board('city.admin');
    expect(c.role).toBe('city_admin');
    const [{ n: submitted }] = await h.database.query<{ n: number }>(
      "select count(*)::int as n from recognition_applications where status = 'submitted'",
    );
    const first = item(c, 'recognition.first_review');
    expect(first.count).toBe(submitted);
    expect(first.top?.find((u) => u.code === RONGCHANG)).toMatchObject({
      label: '荣昌区',
      count: 2,
      url: `/recognition/applications?status=submitted&district=${RONGCHANG}`,
    });
    expect(first.top?.find((u) => u.code === YUBEI)).toMatchObject({ label: '渝北区', count: 1 });
    // Largest first.
    const tops = first.top?.map((u) => u.count) ?? [];
    expect(tops).toEqual([...tops].sort((a, b) => b - a));
    expect(item(c, 'recognition.first_review_overdue').top?.map((u) => [u.code, u.count])).toEqual(
      expect.arrayContaining([
        [RONGCHANG, 1],
        [YUBEI, 1],
      ]),
    );
    // 公示异议: every item in the city with an objection still to find; the city's to act on.
    const [{ n: waitingObjection }] = await h.database.query<{ n: number }>(
      "select count(distinct application_id)::int as n from recognition_objections where status = 'open'",
    );
    expect(item(c, 'recognition.objections_open')).toMatchObject({
      count: waitingObjection,
      url: '/recognition/applications?objection=open',
      tone: waitingObjection > 0 ? 'warning' : 'normal',
    });
    expect(waitingObjection).toBeGreaterThanOrEqual(1);
    expect(item(c, 'recognition.second_review')).toMatchObject({
      count: 1,
      url: '/recognition/applications?status=district_approved',
      tone: 'warning',
    });
    // The city's non-reporters are the sum over the districts (each unit listed is its own chase list).
    const nonReporters = item(c, 'monitoring.non_reporters');
    const rates = (await get('city.admin', `/api/monitoring/chase/rates?period=${duePeriod}`)).json() as {
      all: { sample: number; reported: number };
    };
    expect(nonReporters.count).toBe(rates.all.sample - rates.all.reported);
    // The 通报 due (N's bulletinDue): its draft for that period, to publish.
    const owed = await bulletinDue(h.database.db, today);
    expect(item(c, 'bulletins.due')).toMatchObject(
      owed
        ? {
            count: 1,
            label: `待发布${owed.label}`,
            url: `/bulletins?tab=draft&kind=${owed.periodKind}&period=${owed.period}`,
            tone: 'warning',
          }
        : { count: 0, url: '/bulletins', tone: 'normal' },
    );
    expect((await board('rongchang.admin')).items.find((i) => i.key === 'bulletins.due')).toBeUndefined();
    expect(await walk('city.admin', c)).toBeGreaterThanOrEqual(9);
  });

  it('counts the 人工审核事项 of the district per tier, each opening 后备库 of that tier', async () => {
    const [firm] = await h.database.query<{ id: string; current_tier: string | null }>(
      `select id, current_tier from enterprises where district_code = $1 and zone_code is null and id <> $2
         and (current_tier is null or current_tier <> 'little_giant') order by id desc limit 1`,
      [RONGCHANG, demoId],
    );
    const before = await board('rongchang.admin');
    const yubeiCount = async () =>
      (await board('yubei.admin')).items.find((i) => i.key === 'evaluation.review_questions.little_giant')?.count ?? 0;
    const yubeiBefore = await yubeiCount();
    const beforeCount = before.items.find((i) => i.key === 'evaluation.review_questions.little_giant')?.count ?? 0;
    await h.owner.query(
      `insert into evaluation_results (enterprise_id, tier, run_id, rule_set, assessment_date, outcome, score, failed, gap, within_reach, missing, explanation)
       values ($1, 'little_giant', $2, 'little-giant-2022', current_date, 'needs_review', 80, '[]', null, true, '[]', '{"conditions":[]}')
       on conflict (enterprise_id, tier) do update set outcome = 'needs_review', within_reach = true`,
      [firm.id, randomUUID()],
    );
    const after = await board('rongchang.admin');
    const lg = item(after, 'evaluation.review_questions.little_giant');
    expect(lg.count).toBe(beforeCount + 1);
    expect(lg.url).toBe('/evaluations/pool?tier=little_giant&status=review');
    expect(lg.label).toBe('待人工审核（专精特新“小巨人”企业）');
    expect(after.items.find((i) => i.key === 'evaluation.review_questions')).toBeUndefined();
    // 渝北区 does not count 荣昌区's question.
    expect(await yubeiCount()).toBe(yubeiBefore);
    await walk('rongchang.admin', after);
  });

  it('answers an enterprise its tier, the gap to the next tier, open rounds, its applications, reports, annual update and messages', async () => {
    const before = await board('demo.enterprise');
    expect(before.role).toBe('enterprise');
    const me = (await get('demo.enterprise', '/api/recognition/annual-updates/me')).json() as {
      holder: boolean;
      title: { tier: string; tierLabel: string; validUntil: string | null } | null;
      due: { status: string; submittedAt: string | null; dataYear: number };
    };
    const current = item(before, 'tier.current');
    expect(current.label).toBe(me.title ? `当前梯度：${me.title.tierLabel}` : '当前梯度：尚未获得梯度称号');
    expect(current.url).toBe(`/enterprises/${demoId}?tab=titles`);
    if (me.title?.validUntil) expect(current.hint).toContain(`有效期至 ${Number(me.title.validUntil.slice(0, 4))}年`);

    // The next tier's latest evaluation lists what is missing.
    const next = { null: 'innovative', innovative: 'srdi', srdi: 'little_giant' }[String(me.title?.tier ?? null)];
    if (next) {
      await h.owner.query(
        `insert into evaluation_results (enterprise_id, tier, run_id, rule_set, assessment_date, outcome, score, failed, gap, within_reach, missing, explanation)
         values ($1, $2, $3, 'srdi-2022', current_date, 'not_qualified', 70, '["rd"]', 5, true, '["研发费用还差 32.5 万元","发明专利还差 1 项"]', '{"conditions":[]}')
         on conflict (enterprise_id, tier) do update set outcome = excluded.outcome, missing = excluded.missing, explanation = excluded.explanation`,
        [demoId, next, randomUUID()],
      );
    }
    // An application left as a draft in the open round: no longer an open round to apply to, but an application to finish.
    const roundsBefore = (await get('demo.enterprise', '/api/recognition/rounds?pageSize=200')).json() as {
      items: { id: string; phase: string; myApplication?: unknown; eligibility?: { eligible: boolean } }[];
    };
    const openEligible = roundsBefore.items.filter((r) => r.phase === 'open' && !r.myApplication && r.eligibility?.eligible);
    expect(item(before, 'recognition.open_rounds').count).toBe(openEligible.length);
    await h.owner.query(
      `insert into recognition_applications (round_id, enterprise_id, district_code, zone_code, tier, status)
       select $1, e.id, e.district_code, e.zone_code, 'srdi', 'draft' from enterprises e where e.id = $2`,
      [roundId, demoId],
    );
    await addMessages('demo.enterprise', 2);

    const after = await board('demo.enterprise');
    if (next) {
      const gap = item(after, 'tier.next');
      expect(gap.count).toBe(2);
      expect(gap.hint).toBe('研发费用还差 32.5 万元；发明专利还差 1 项');
      expect(gap.url).toBe(`/enterprises/${demoId}?tab=evaluation`);
    }
    const todo = item(after, 'recognition.my_todo');
    expect(todo.count).toBe(item(before, 'recognition.my_todo').count + 1);
    expect(todo.url).toBe('/recognition/applications?status=draft%2Creturned');
    const wasOpen = openEligible.some((r) => r.id === roundId);
    expect(item(after, 'recognition.open_rounds').count).toBe(openEligible.length - (wasOpen ? 1 : 0));
    expect(item(after, 'messages.unread').count).toBe(item(before, 'messages.unread').count + 2);
    const unread = (await get('demo.enterprise', '/api/messages/unread-count')).json() as { count: number };
    expect(item(after, 'messages.unread').count).toBe(unread.count);

    // Reports: the month just ended unless made; here it was made (the district test's report waits for review), so a
    // returned report of an earlier month is what remains.
    const earlier = previousPeriod(due);
    const reportsBefore = item(await board('demo.enterprise'), 'monitoring.reports_due').count;
    const [{ n: wasReturned }] = await h.database.query<{ n: number }>(
      "select count(*)::int as n from monitoring_reports where enterprise_id = $1 and year = $2 and month = $3 and status = 'returned'",
      [demoId, earlier.year, earlier.month],
    );
    await h.owner.query(
      `insert into monitoring_reports (enterprise_id, year, month, status, district_code, zone_code, tier, revenue_ytd, profit_ytd, employees, due_on, entered_by)
       select e.id, $2::int, $3::int, 'returned', e.district_code, e.zone_code, coalesce(e.current_tier, 'none'), 1000000, 100000, 20, current_date - 20, 'enterprise'
       from enterprises e where e.id = $1
       on conflict (enterprise_id, year, month) do update set status = 'returned'`,
      [demoId, earlier.year, earlier.month],
    );
    const reports = item(await board('demo.enterprise'), 'monitoring.reports_due');
    expect(reports.count).toBe(reportsBefore + (wasReturned ? 0 : 1));
    if (reportsBefore === 0) expect(reports.url).toBe(`/monitoring/reports/${demoId}/${formatPeriod(earlier)}`);
    expect(reports.tone).toBe('danger');
    expect(reports.hint).toContain('已退回');

    // The annual update: due while the holder has not updated the year.
    const annual = after.items.find((i) => i.key === 'recognition.annual_update');
    if (me.holder) {
      expect(annual?.count).toBe(me.due.submittedAt === null && ['pending', 'late'].includes(me.due.status) ? 1 : 0);
      expect(annual?.label).toBe(`${me.due.dataYear}年度信息更新`);
    } else expect(annual).toBeUndefined();
    // The enterprise's list links: its applications filtered as the item says.
    expect(await walk('demo.enterprise', after)).toBeGreaterThanOrEqual(2);
  });

  it('refuses an expert (404, as for an absent page) and an anonymous caller (401), and takes no parameters', async () => {
    const expert = await get('expert.001', '/api/workbench');
    expect(expert.statusCode).toBe(404);
    expect(expert.json().message).toBe('记录不存在或无权查看');
    expect((await h.app.inject({ method: 'GET', url: '/api/workbench' })).statusCode).toBe(401);
    const odd = await get('city.admin', '/api/workbench?district=500112');
    expect(odd.statusCode).toBe(400);
  });
});
