import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/domain/dates.js';
import { selectRuleSet } from '../../src/domain/evaluation/evaluate.js';
import { addCalendarDays } from '../../src/domain/recognition/rounds.js';
import { addWorkingDays } from '../../src/domain/working-days.js';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.js';
import { notifyRoundOpening } from '../../src/modules/recognition/notify-round-opening.js';
import { openDueRounds } from '../../src/modules/recognition/open-due-rounds.js';
import { selectRound } from '../../src/modules/recognition/rounds.repo.js';
import type { AppContext } from '../../src/server/context.js';
import { DAILY_SWEEP_STEPS } from '../../src/server/sweeps.js';
import { runEvaluation } from '../support/evaluation.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

type Method = 'GET' | 'POST';

describe.each(DATABASE_KINDS)('recognition rounds on %s', (kind) => {
  let h: Harness;
  let ctx: AppContext;
  const cookies: Record<string, string> = {};
  const today = todayInShanghai();
  const as = (user: string, method: Method, url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { cookie: cookies[user] }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const rounds = () => h.count('select count(*) as n from recognition_rounds');
  /** Recognition messages per title prefix. */
  const messages = (prefix: string) =>
    h.count("select count(*) as n from messages where category = 'recognition' and title like $1", [`${prefix}%`]);
  const recipients = async (prefix: string) =>
    (
      await h.owner.query<{ enterprise_id: string }>(
        `select distinct u.enterprise_id from messages m join users u on u.id = m.user_id
         where m.category = 'recognition' and m.title like $1 order by 1`,
        [`${prefix}%`],
      )
    ).map((r) => r.enterprise_id);
  /** One enterprise user for each of these enterprises (the demo binds a user to one enterprise only). */
  const giveUsers = (ids: string[]) =>
    h.owner.query(
      `insert into users (username, display_name, role, enterprise_id, password_hash)
       select 'rt.' || replace(id::text, '-', ''), '测试填报员', 'enterprise', id, 'x' from unnest($1::uuid[]) as t(id)
       on conflict (username) do nothing`,
      [ids],
    );

  beforeAll(async () => {
    h = await startHarness(kind);
    ctx = { database: h.database, db: h.database.db, config: h.config };
    for (const u of ['city.admin', 'rongchang.admin', 'demo.enterprise']) cookies[u] = await h.login(u);
  });
  afterAll(() => h?.close());

  it('shows the rule set the evaluation chooses for tier, date and type', async () => {
    const r = await as('city.admin', 'GET', '/api/recognition/rule-set?tier=srdi&type=new&date=2026-06-01');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ ruleSet: 'srdi-2026', ruleSetName: '专精特新中小企业认定条件（2026）' });
    expect((await as('city.admin', 'GET', '/api/recognition/rule-set?tier=srdi&type=review&date=2026-06-01')).json().ruleSet).toBe(
      'srdi-2022',
    );
    expect((await as('rongchang.admin', 'GET', '/api/recognition/rule-set?tier=srdi&type=new&date=2026-06-01')).statusCode).toBe(403);
  });

  it('creates a round with the defaults and settings: rule set, 5-day 公示, district due in working days, phase', async () => {
    const opensOn = addCalendarDays(today, 30);
    const closesOn = addCalendarDays(today, 60);
    const r = await as('city.admin', 'POST', '/api/recognition/rounds', {
      tier: 'srdi',
      type: 'new',
      year: 2027,
      opensOn,
      closesOn,
      expertReview: true,
    });
    expect(r.statusCode, r.body).toBe(201);
    const round = r.json();
    const cal = await loadCalendar(h.database.db);
    expect(round).toMatchObject({
      tier: 'srdi',
      tierLabel: '专精特新中小企业',
      type: 'new',
      typeLabel: '新申报',
      name: '2027年专精特新中小企业新申报',
      publicityDays: 5,
      districtReviewDays: 6,
      expertsPerApplication: 3,
      scoreMethod: 'mean',
      scoreMargin: 15,
      continuous: false,
      ruleSet: selectRuleSet('srdi', opensOn, 'new'),
      ruleSetOverrideReason: null,
      phase: 'scheduled',
      phaseLabel: '未开始',
      districtReviewDueOn: addWorkingDays(cal, closesOn, 6).date,
      openingNotifiedAt: null,
    });
    // Settings of the round, not code.
    const custom = await as('city.admin', 'POST', '/api/recognition/rounds', {
      tier: 'innovative',
      type: 'new',
      year: 2026,
      opensOn: '2026-01-05',
      closesOn: '2026-12-20',
      expertReview: false,
      publicityDays: 7,
      continuous: true,
      cutoffDates: ['2026-07-10', '2026-03-20'],
      districtReviewDays: 10,
      scoreMethod: 'median',
      name: '2026年创新型中小企业常年申报',
    });
    expect(custom.statusCode, custom.body).toBe(201);
    expect(custom.json()).toMatchObject({
      publicityDays: 7,
      continuous: true,
      cutoffDates: ['2026-03-20', '2026-07-10'],
      districtReviewDays: 10,
      scoreMethod: 'median',
      scoreMethodLabel: '中位数',
      name: '2026年创新型中小企业常年申报',
    });
    const got = await as('rongchang.admin', 'GET', `/api/recognition/rounds/${round.id}`);
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json().counts.submitted).toBe(0);
  });

  it('refuses an overridden rule set without a reason (400, nothing created), takes it with one', async () => {
    const before = await rounds();
    const body = {
      tier: 'srdi',
      type: 'new',
      year: 2026,
      opensOn: '2026-06-01',
      closesOn: '2026-06-30',
      expertReview: false,
      ruleSet: 'srdi-2022',
    };
    const refused = await as('city.admin', 'POST', '/api/recognition/rounds', body);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().code).toBe('RECOGNITION_RULE_SET_REASON_REQUIRED');
    expect(refused.json().message).toContain('调整理由');
    expect(await rounds()).toBe(before);
    const wrongTier = await as('city.admin', 'POST', '/api/recognition/rounds', {
      ...body,
      ruleSet: 'innovative-2022',
      ruleSetOverrideReason: '测试',
    });
    expect(wrongTier.json().code).toBe('RECOGNITION_RULE_SET_INVALID');
    const window = await as('city.admin', 'POST', '/api/recognition/rounds', { ...body, ruleSet: undefined, closesOn: '2026-05-01' });
    expect(window.json().code).toBe('RECOGNITION_ROUND_WINDOW_INVALID');
    // A day the working-day calendar cannot reach is a 400, never a 500.
    const far = await as('city.admin', 'POST', '/api/recognition/rounds', { ...body, ruleSet: undefined, closesOn: '2200-12-31' });
    expect(far.statusCode, far.body).toBe(400);
    expect(await rounds()).toBe(before);
    const taken = await as('city.admin', 'POST', '/api/recognition/rounds', { ...body, ruleSetOverrideReason: '按市级通知沿用2022年标准' });
    expect(taken.statusCode, taken.body).toBe(201);
    expect(taken.json()).toMatchObject({ ruleSet: 'srdi-2022', ruleSetOverrideReason: '按市级通知沿用2022年标准' });
  });

  it('lets only the city create rounds (district and enterprise 403, nothing created)', async () => {
    const before = await rounds();
    const body = { tier: 'srdi', type: 'new', year: 2026, opensOn: '2026-06-01', closesOn: '2026-06-30', expertReview: false };
    for (const user of ['rongchang.admin', 'demo.enterprise']) {
      const r = await as(user, 'POST', '/api/recognition/rounds', body);
      expect(r.statusCode, r.body).toBe(403);
    }
    expect(await rounds()).toBe(before);
  });

  it('sends the opening messages once, and invites the 后备库 candidates that already qualify (主动发现)', async () => {
    await runEvaluation(h, cookies['city.admin']);
    // The tier whose pool has the most enterprises that already qualify (the demo's proportions decide).
    const [{ tier }] = await h.owner.query<{ tier: string }>(
      `select r.tier from evaluation_results r join enterprises e on e.id = r.enterprise_id
       where r.outcome = 'qualified' and r.within_reach
         and coalesce(array_position(array['innovative','srdi','little_giant'], e.current_tier), 0) < array_position(array['innovative','srdi','little_giant'], r.tier)
       group by r.tier order by count(*) desc limit 1`,
    );
    const below = { innovative: null, srdi: 'innovative', little_giant: 'srdi' }[tier];
    const candidates = (
      await h.owner.query<{ id: string }>(
        `select e.id from enterprises e where e.size_class in ('medium','small','micro') and e.current_tier is not distinct from $1 order by e.id limit 40`,
        [below],
      )
    ).map((r) => r.id);
    const qualified = (
      await h.owner.query<{ id: string }>(
        `select r.enterprise_id as id from evaluation_results r join enterprises e on e.id = r.enterprise_id
         where r.tier = $1 and r.outcome = 'qualified' and r.within_reach
           and coalesce(array_position(array['innovative','srdi','little_giant'], e.current_tier), 0) < array_position(array['innovative','srdi','little_giant'], r.tier)
         order by 1`,
        [tier],
      )
    ).map((r) => r.id);
    expect(qualified.length).toBeGreaterThan(0);
    await giveUsers([...candidates, ...qualified]);

    const r = await as('city.admin', 'POST', '/api/recognition/rounds', {
      tier,
      type: 'new',
      year: 2026,
      opensOn: addCalendarDays(today, -1),
      closesOn: addCalendarDays(today, 20),
      expertReview: false,
      name: '开放中的测试批次',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().phase).toBe('open');
    expect(r.json().openingNotifiedAt).not.toBeNull();
    const invited = await recipients('申报邀请：开放中的测试批次');
    expect(invited).toEqual([...qualified].sort());
    const told = await recipients('申报开始：开放中的测试批次');
    for (const id of candidates.filter((c) => !qualified.includes(c))) expect(told).toContain(id);
    // Nobody gets both, and nobody holding the tier already is told.
    expect(told.filter((id) => invited.includes(id))).toEqual([]);
    const n = await messages('申报');
    // Once: the daily sweep (and a second run of it) sends nothing more for this round.
    const step = DAILY_SWEEP_STEPS.find((s) => s.name === 'recognition.round-opening');
    expect(step).toBeDefined();
    await step?.run(ctx, `${today}T01:00:00+08:00`);
    await openDueRounds(ctx, today);
    expect(await messages('申报')).toBe(n);
  });

  it('notifies a scheduled round on its opening day through the daily sweep, once', async () => {
    const opensOn = addCalendarDays(today, 3);
    const untitled = await h.owner.query<{ id: string }>(
      "select id from enterprises where current_tier is null and size_class in ('medium','small','micro') order by id limit 5",
    );
    await giveUsers(untitled.map((e) => e.id));
    const r = await as('city.admin', 'POST', '/api/recognition/rounds', {
      tier: 'innovative',
      type: 'new',
      year: 2026,
      opensOn,
      closesOn: addCalendarDays(today, 40),
      expertReview: false,
      name: '三天后开放的创新型批次',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(await messages('申报开始：三天后开放的创新型批次')).toBe(0);
    await openDueRounds(ctx, addCalendarDays(today, 2));
    expect(await messages('申报开始：三天后开放的创新型批次')).toBe(0);
    await openDueRounds(ctx, opensOn);
    const n = await messages('申报开始：三天后开放的创新型批次');
    expect(n).toBeGreaterThan(0);
    await openDueRounds(ctx, opensOn);
    expect(await messages('申报开始：三天后开放的创新型批次')).toBe(n);
    // Two processes with the same round in hand: the claim on opening_notified_at lets one send.
    const row = await selectRound(h.database.db, r.json().id);
    expect(row).toBeDefined();
    if (row) expect(await h.database.db.transaction((tx) => notifyRoundOpening(tx, { ...row, openingNotifiedAt: null }))).toBeUndefined();
    expect(await messages('申报开始：三天后开放的创新型批次')).toBe(n);
  });

  it('invites exactly the 复核 cohort: held titles of the tier whose validity ends in the round year', async () => {
    const [{ year }] = await h.owner.query<{ year: number }>(
      `select extract(year from valid_until)::int as year from enterprise_titles where tier = 'srdi' and status = 'valid' and valid_until >= $1::date
       group by 1 order by count(*) desc limit 1`,
      [today],
    );
    const cohort = (
      await h.owner.query<{ id: string }>(
        `select distinct enterprise_id as id from enterprise_titles
         where tier = 'srdi' and status in ('valid','under_review') and extract(year from valid_until) = $1 order by 1`,
        [year],
      )
    ).map((r) => r.id);
    expect(cohort.length).toBeGreaterThan(0);
    await giveUsers(cohort);
    // A holder whose title ends another year is no part of it.
    const [other] = await h.owner.query<{ id: string }>(
      `select enterprise_id as id from enterprise_titles where tier = 'srdi' and status = 'valid' and extract(year from valid_until) <> $1
       and enterprise_id <> all($2::uuid[]) limit 1`,
      [year, cohort],
    );
    await giveUsers([other.id]);
    const r = await as('city.admin', 'POST', '/api/recognition/rounds', {
      tier: 'srdi',
      type: 'review',
      year,
      opensOn: addCalendarDays(today, -2),
      closesOn: addCalendarDays(today, 30),
      expertReview: false,
      name: '专精特新复核测试批次',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().ruleSet).toBe(selectRuleSet('srdi', addCalendarDays(today, -2), 'review'));
    expect(await recipients('复核通知：专精特新复核测试批次')).toEqual(cohort);
  });

  it('lists rounds: every round for officers; for an enterprise the open ones with its precheck', async () => {
    const city = await as('city.admin', 'GET', '/api/recognition/rounds?pageSize=200');
    expect(city.statusCode, city.body).toBe(200);
    expect(city.json().total).toBe(await rounds());
    const mine = await as('demo.enterprise', 'GET', '/api/recognition/rounds?pageSize=200');
    expect(mine.statusCode, mine.body).toBe(200);
    const items = mine.json().items as {
      name: string;
      phase: string;
      myApplication: unknown;
      eligibility: { eligible: boolean; reasons: string[] };
    }[];
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      expect(i.phase).toBe('open');
      expect(i.myApplication).toBeNull();
      expect(typeof i.eligibility.eligible).toBe('boolean');
      if (!i.eligibility.eligible) expect(i.eligibility.reasons.length).toBeGreaterThan(0);
    }
    expect(items.map((i) => i.name)).not.toContain('三天后开放的创新型批次');
    const scheduled = (city.json().items as { id: string; name: string }[]).find((i) => i.name === '三天后开放的创新型批次');
    expect((await as('demo.enterprise', 'GET', `/api/recognition/rounds/${scheduled?.id}`)).statusCode).toBe(404);
  });
});
