import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/domain/dates.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

const ABSENT = '00000000-0000-4000-8000-000000000000';
/** 万州区: the district of the randomness test's enterprises. */
const MEMBER_DISTRICT = '500101';
type Method = 'GET' | 'POST' | 'PUT';
interface Enterprise {
  id: string;
  name: string;
  districtCode: string;
  zoneCode: string | null;
}

const MARKET_QUESTION = '主导产品在国内或国际细分市场占有率是否较高、具有一定知名度？';
/** A frozen evaluation as submission stores it: one question left to a person, the 特色化 block of srdi-2022. */
const evaluation = (ruleSet: string) => ({
  tier: 'srdi',
  ruleSet,
  outcome: 'needs_review',
  score: 82,
  categories: ruleSet === 'srdi-2022' ? [{ id: 'featured', name: '特色化', score: 9, max: 15 }] : [],
  indicators: [],
  conditions: [
    { id: 'srdi.size', name: '中小企业', status: 'met', detail: '符合', source: '' },
    { id: 'srdi2026.market', name: '细分市场地位', status: 'needs_review', detail: '需人工审核', source: '', question: MARKET_QUESTION },
  ],
  missing: [],
});

describe.each(DATABASE_KINDS)('expert scoring (专家评审, 双随机) on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  const today = todayInShanghai();
  let pool: Enterprise[];
  let members: Enterprise[];
  let used = 0;
  let passwordHash: string;

  const login = async (user: string) => {
    cookies[user] ??= await h.login(user);
    return cookies[user];
  };
  const as = async (user: string, method: Method, url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { cookie: await login(user) }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const next = () => {
    const e = pool[used++];
    if (!e) throw new Error('out of enterprises');
    return e;
  };

  async function round(
    opts: { expertReview?: boolean; perApplication?: number; method?: 'mean' | 'median'; ruleSet?: string; margin?: number } = {},
  ) {
    const [r] = await h.owner.query<{ id: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set, expert_review, experts_per_application,
         score_method, score_margin)
       values ('srdi', 'new', 2026, $1, $2::date - 30, $2::date - 1, $3, $4, $5, $6, $7) returning id`,
      [
        `专家评审测试批次 ${Math.random().toString(36).slice(2, 8)}`,
        today,
        opts.ruleSet ?? 'srdi-2022',
        opts.expertReview ?? true,
        opts.perApplication ?? 3,
        opts.method ?? 'mean',
        opts.margin ?? 15,
      ],
    );
    return r.id;
  }

  async function application(roundId: string, e: Enterprise, industryCode: string, status = 'district_approved', ruleSet = 'srdi-2022') {
    const [a] = await h.owner.query<{ id: string }>(
      `insert into recognition_applications (round_id, enterprise_id, district_code, zone_code, tier, status, score, industry_code,
         submitted_at, evaluation, outcome)
       values ($1, $2, $3, $4, 'srdi', $5, 82, $6, now(), $7::jsonb, 'needs_review') returning id`,
      [roundId, e.id, e.districtCode, e.zoneCode, status, industryCode, JSON.stringify(evaluation(ruleSet))],
    );
    return a.id;
  }

  /** An expert of the pool with an active login (this copy of the database only). */
  async function expert(username: string, industryCode: string, districtCodes: string[]) {
    const [u] = await h.owner.query<{ id: string }>(
      `insert into users (username, display_name, role, organization, password_hash) values ($1, $2, 'expert', '测试大学', $3) returning id`,
      [username, `测试专家${username.slice(-3)}`, passwordHash],
    );
    const [x] = await h.owner.query<{ id: string }>(
      `insert into experts (name, industry_code, organization, district_codes, user_id) values ($1, $2, '测试大学', $3::text[], $4) returning id`,
      [`测试专家${username.slice(-3)}`, industryCode, districtCodes, u.id],
    );
    return x.id;
  }

  const drawnFor = async (applicationId: string) =>
    (
      await h.owner.query<{ expertId: string }>(
        'select expert_id as "expertId" from recognition_expert_reviews where application_id = $1 order by expert_id',
        [applicationId],
      )
    ).map((r) => r.expertId);
  const usernamesDrawnFor = async (applicationId: string) =>
    (
      await h.owner.query<{ username: string }>(
        `select u.username from recognition_expert_reviews r join experts x on x.id = r.expert_id join users u on u.id = x.user_id
         where r.application_id = $1 order by u.username`,
        [applicationId],
      )
    ).map((r) => r.username);
  const statusOf = async (id: string) =>
    (await h.owner.query<{ status: string }>('select status from recognition_applications where id = $1', [id]))[0].status;
  const snapshot = async (id: string) =>
    h.owner.query(
      `select to_jsonb(a) as row,
         (select coalesce(jsonb_agg(to_jsonb(r) order by r.expert_id), '[]') from recognition_expert_reviews r where r.application_id = a.id) as reviews,
         (select count(*)::int from recognition_history r where r.application_id = a.id) as history,
         (select count(*)::int from audit_log l where l.entity_id = a.id::text) as audit
       from recognition_applications a where a.id = $1`,
      [id],
    );
  const draw = (roundId: string, body: Record<string, unknown> = {}, user = 'city.admin') =>
    as(user, 'POST', `/api/recognition/rounds/${roundId}/experts/draw`, body);
  const review = (user: string, id: string, body: Record<string, unknown>) =>
    as(user, 'PUT', `/api/recognition/applications/${id}/review`, body);

  beforeAll(async () => {
    h = await startHarness(kind);
    [{ passwordHash }] = await h.owner.query<{ passwordHash: string }>(
      'select password_hash as "passwordHash" from users where username = \'expert.001\'',
    );
    // 24 enterprises in one district without a zone, for the randomness test (this copy of the database only).
    members = await h.owner.query<Enterprise>(
      `update enterprises set district_code = '${MEMBER_DISTRICT}', zone_code = null where id in (
         select e.id from enterprises e where not exists (select 1 from users u where u.enterprise_id = e.id) order by e.id desc limit 24)
       returning id, name, district_code as "districtCode", zone_code as "zoneCode"`,
    );
    pool = await h.owner.query<Enterprise>(
      `select e.id, e.name, e.district_code as "districtCode", e.zone_code as "zoneCode" from enterprises e
       where not exists (select 1 from users u where u.enterprise_id = e.id) and e.id <> all($1::uuid[]) order by e.id limit 400`,
      [members.map((m) => m.id)],
    );
  });
  afterAll(() => h?.close());

  it('never draws a conflicted expert nor one serving the district; with only such experts in the field the shortfall is reported and nothing assigned', async () => {
    // Field 01 (农业, 门类 A): the demo pool has nobody there; only a conflicted and a same-district expert.
    const e = next();
    const conflicted = await expert('expert.t01', '01', []);
    await h.owner.query("insert into expert_conflicts (expert_id, enterprise_id, reason) values ($1, $2, '曾任该企业顾问')", [
      conflicted,
      e.id,
    ]);
    const sameDistrict = await expert('expert.t02', '01', [e.districtCode]);
    const roundId = await round();
    const id = await application(roundId, e, '01');
    const before = await snapshot(id);
    const messagesBefore = await h.count("select count(*) as n from messages where category = 'recognition'");

    const short = await draw(roundId);
    expect(short.statusCode, short.body).toBe(200);
    expect(short.json()).toEqual({
      assigned: 0,
      replaced: 0,
      shortfall: [{ applicationId: id, enterpriseName: e.name, found: 0, wanted: 3 }],
    });
    expect(await snapshot(id)).toEqual(before);
    expect(await h.count("select count(*) as n from messages where category = 'recognition'")).toBe(messagesBefore);

    // The same 大类 first, then the same 门类 (02 林业 is in A too): one of each, never the two excluded.
    const servedBySameDivision = e.districtCode === '500101' ? '500102' : '500101';
    const sameDivision = await expert('expert.t03', '01', [servedBySameDivision]);
    const sameSection = await expert('expert.t04', '02', []);
    await expert('expert.t05', '13', []); // 门类 C: never drawn for an A enterprise
    const three = await draw(roundId);
    expect(three.json()).toEqual({
      assigned: 0,
      replaced: 0,
      shortfall: [{ applicationId: id, enterpriseName: e.name, found: 2, wanted: 3 }],
    });
    expect(await statusOf(id)).toBe('district_approved');

    const one = await draw(roundId, { perApplication: 1 });
    expect(one.json()).toEqual({ assigned: 1, replaced: 0, shortfall: [] });
    expect(await drawnFor(id)).toEqual([sameDivision]);
    expect(await statusOf(id)).toBe('expert_review');
    const [history] = await h.owner.query<{ action: string; fromStatus: string; toStatus: string }>(
      `select action, from_status as "fromStatus", to_status as "toStatus" from recognition_history where application_id = $1`,
      [id],
    );
    expect(history).toEqual({ action: 'experts_assigned', fromStatus: 'district_approved', toStatus: 'expert_review' });
    expect(
      await h.count("select count(*) as n from audit_log where entity_id = $1 and action = 'recognition.experts_assigned'", [id]),
    ).toBe(1);
    expect(
      await h.count("select count(*) as n from audit_log where entity_id = $1 and action = 'recognition.experts_draw'", [roundId]),
    ).toBe(3);
    const [message] = await h.owner.query<{ title: string; body: string; link: string }>(
      `select m.title, m.body, m.link from messages m join users u on u.id = m.user_id where u.username = 'expert.t03' and m.category = 'recognition'`,
    );
    expect(message.body).toMatch(/共 1 项申报待评审/);
    expect(message.link).toBe('/recognition/reviews');
    expect(await h.count("select count(*) as n from messages m join users u on u.id = m.user_id where u.username = 'expert.t04'")).toBe(0);

    // Two at once: the section expert fills in where the division has too few. The enterprise is
    // not in the district the division's expert serves (ids are random: any district may come next).
    let e2 = next();
    while (e2.districtCode === servedBySameDivision || e2.zoneCode === servedBySameDivision) e2 = next();
    await h.owner.query("insert into expert_conflicts (expert_id, enterprise_id, reason) values ($1, $2, '持有股份')", [conflicted, e2.id]);
    await h.owner.query('update experts set district_codes = $2::text[] where id = $1', [sameDistrict, [e.districtCode, e2.districtCode]]);
    const roundTwo = await round({ perApplication: 2 });
    const id2 = await application(roundTwo, e2, '01');
    await draw(roundTwo);
    expect(await drawnFor(id2)).toEqual([sameDivision, sameSection].sort());

    // Nothing left to draw: a clear 409; a round without expert review: 409.
    expect((await draw(roundTwo)).json().code).toBe('RECOGNITION_NOTHING_TO_DRAW');
    const noExperts = await round({ expertReview: false });
    await application(noExperts, next(), '01');
    const off = await draw(noExperts);
    expect(off.statusCode).toBe(409);
    expect(off.json()).toMatchObject({ code: 'RECOGNITION_EXPERT_REVIEW_OFF' });
    expect(off.json().message).toMatch(/未设置专家评审/);
    expect((await draw(ABSENT)).statusCode).toBe(404);
    expect((await draw(roundTwo, { perApplication: 0 })).statusCode).toBe(400);
  });

  it('draws at random: over many items every eligible expert comes up, two draws differ, none ever conflicted or serving the district', async () => {
    const district = MEMBER_DISTRICT;
    expect(members).toHaveLength(24);
    const eligible = (
      await h.owner.query<{ id: string }>(
        `select x.id from experts x join users u on u.id = x.user_id
         where x.industry_code = '39' and not u.disabled and not ($1 = any(x.district_codes))`,
        [district],
      )
    ).map((r) => r.id);
    expect(eligible.length).toBeGreaterThanOrEqual(5);
    // A conflict of one eligible expert with half the enterprises: it must never be drawn for them.
    const [conflicted] = eligible;
    for (const m of members.slice(0, members.length / 2))
      await h.owner.query(
        "insert into expert_conflicts (expert_id, enterprise_id, reason) values ($1, $2, '亲属任职') on conflict do nothing",
        [conflicted, m.id],
      );

    const runs: string[][][] = [];
    for (let run = 0; run < 2; run++) {
      const roundId = await round({ perApplication: 2 });
      const ids = [];
      for (const m of members) ids.push(await application(roundId, m, '39'));
      const response = await draw(roundId);
      expect(response.json()).toEqual({ assigned: members.length, replaced: 0, shortfall: [] });
      runs.push(await Promise.all(ids.map(drawnFor)));
    }
    const sets = runs.flat();
    // Same 大类 only (enough of them), never the conflicted one for its enterprises.
    for (const s of sets) for (const x of s) expect(eligible).toContain(x);
    runs.forEach((run) => {
      run.slice(0, members.length / 2).forEach((s) => {
        expect(s).not.toContain(conflicted);
      });
    });
    // Every eligible expert is drawn somewhere (a fixed order would keep picking the same ones) …
    const seen = new Set(sets.flat());
    for (const x of eligible) expect(seen, `expert ${x} never drawn`).toContain(x);
    // … and the two draws of the same enterprises differ.
    expect(runs[0]).not.toEqual(runs[1]);
    expect(new Set(runs[0].map((s) => s.join())).size).toBeGreaterThan(1);

    // Over everything drawn in this database: no conflicted expert, none serving the enterprise's district or zone.
    expect(
      await h.count(
        `select count(*) as n from recognition_expert_reviews r
         join recognition_applications a on a.id = r.application_id join experts x on x.id = r.expert_id
         where exists (select 1 from expert_conflicts c where c.expert_id = r.expert_id and c.enterprise_id = a.enterprise_id)
            or a.district_code = any(x.district_codes) or a.zone_code = any(x.district_codes)`,
      ),
    ).toBe(0);
  });

  it('lets only the drawn experts score: others 404 with nothing stored; bad scores 400; answers, 特色化, opinion; mean and the margin flag', async () => {
    const roundId = await round({ perApplication: 3, margin: 15 });
    const id = await application(roundId, next(), '39');
    expect((await draw(roundId)).json().assigned).toBe(1);
    const drawn = await usernamesDrawnFor(id);
    expect(drawn).toHaveLength(3);
    const [first, second, third] = drawn;
    const [{ username: outsider }] = await h.owner.query<{ username: string }>(
      `select u.username from users u join experts x on x.user_id = u.id where u.username like 'expert.1%' and u.username <> all($1::text[])
       order by u.username limit 1`,
      [drawn],
    );

    // The expert reads the application it was drawn for, and only that one.
    expect((await as(first, 'GET', `/api/recognition/applications/${id}`)).statusCode).toBe(200);
    const absent = await as(outsider, 'GET', `/api/recognition/applications/${ABSENT}`);
    const refused = await as(outsider, 'GET', `/api/recognition/applications/${id}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toEqual(absent.json());
    const mine = await as(first, 'GET', '/api/recognition/reviews');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toContainEqual(
      expect.objectContaining({ applicationId: id, status: 'pending', statusLabel: '待评审', editable: true }),
    );
    expect(
      (await as(outsider, 'GET', '/api/recognition/reviews')).json().items.map((i: { applicationId: string }) => i.applicationId),
    ).not.toContain(id);
    const draft = await as(first, 'GET', `/api/recognition/applications/${id}/review`);
    expect(draft.json()).toMatchObject({
      questions: [{ id: 'srdi2026.market', name: '细分市场地位', question: MARKET_QUESTION }],
      featuredApplicable: true,
      score: null,
      editable: true,
    });

    const good = {
      answers: { 'srdi2026.market': true },
      featuredScore: 10,
      score: 80,
      opinion: '细分市场地位突出，建议通过。',
      submit: true,
    };
    const before = await snapshot(id);
    // Not drawn: 404 exactly like an absent application, nothing stored.
    const notAssigned = await review(outsider, id, good);
    expect(notAssigned.statusCode).toBe(404);
    expect(notAssigned.json()).toEqual(absent.json());
    expect((await review(outsider, ABSENT, good)).json()).toEqual(absent.json());
    // Bad input: 400 with the field named, nothing stored.
    const bad: [Record<string, unknown>, string][] = [
      [{ ...good, score: 101 }, 'VALIDATION_FAILED'],
      [{ ...good, score: -1 }, 'VALIDATION_FAILED'],
      [{ ...good, score: 80.5 }, 'VALIDATION_FAILED'],
      [{ ...good, featuredScore: 16 }, 'VALIDATION_FAILED'],
      [{ ...good, answers: { 'srdi2026.market': 'yes' } }, 'VALIDATION_FAILED'],
      [{ ...good, answers: { 'lg2026.field': true } }, 'RECOGNITION_REVIEW_QUESTION_UNKNOWN'],
      [{ ...good, answers: {} }, 'RECOGNITION_REVIEW_INCOMPLETE'],
      [{ ...good, featuredScore: null }, 'RECOGNITION_FEATURED_REQUIRED'],
      [{ ...good, opinion: '   ' }, 'RECOGNITION_OPINION_REQUIRED'],
    ];
    for (const [body, code] of bad) {
      const response = await review(first, id, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().code, JSON.stringify(body)).toBe(code);
      expect(response.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await review(first, id, { ...good, answers: {} })).json().message).toContain(MARKET_QUESTION);
    expect(await snapshot(id)).toEqual(before);

    // A draft keeps what was typed, unsubmitted.
    const saved = await review(first, id, { answers: {}, score: 70, opinion: '', submit: false });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ submitted: false, expertScore: null, expertScoreFlagged: false });
    expect((await as(first, 'GET', `/api/recognition/applications/${id}/review`)).json()).toMatchObject({ score: 70, submittedAt: null });

    expect((await review(first, id, good)).json()).toEqual({ submitted: true, expertScore: null, expertScoreFlagged: false });
    const again = await review(first, id, good);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('RECOGNITION_REVIEW_SUBMITTED');
    expect((await review(second, id, { ...good, score: 80, answers: { 'srdi2026.market': false } })).json().expertScore).toBeNull();
    // The last one: mean of 80, 80, 50 = 70; 50 is 30 from the others' mean (> 15): flagged; 80 is 15 from 65: not.
    const last = await review(third, id, { ...good, score: 50, featuredScore: 3 });
    expect(last.json()).toEqual({ submitted: true, expertScore: 70, expertScoreFlagged: true });
    const [row] = await h.owner.query<{ expertScore: number; flagged: boolean; status: string }>(
      'select expert_score as "expertScore", expert_score_flagged as flagged, status from recognition_applications where id = $1',
      [id],
    );
    expect(row).toEqual({ expertScore: 70, flagged: true, status: 'expert_review' });
    const history = await h.owner.query<{ action: string; reason: string }>(
      "select action, reason from recognition_history where application_id = $1 and action = 'experts_scored'",
      [id],
    );
    expect(history).toHaveLength(1);
    expect(history[0].reason).toMatch(/专家评分 70 分（平均分）.*超过 15 分/);
    expect(await h.count("select count(*) as n from audit_log where entity_id = $1 and action = 'recognition.experts_scored'", [id])).toBe(
      1,
    );
    expect(
      await h.count("select count(*) as n from messages where category = 'recognition' and link = $1", [`/recognition/applications/${id}`]),
    ).toBeGreaterThan(0);

    // The city's view: each expert with score, answers, opinion and the flag; the detail carries the final score.
    const reviews = await as('city.admin', 'GET', `/api/recognition/applications/${id}/reviews`);
    expect(reviews.statusCode, reviews.body).toBe(200);
    const items = reviews.json().items as { score: number; flagged: boolean; answers: Record<string, boolean>; expertName: string }[];
    expect(items.map((i) => [i.score, i.flagged]).sort()).toEqual([
      [50, true],
      [80, false],
      [80, false],
    ]);
    expect(items.every((i) => i.expertName.length > 0)).toBe(true);
    expect(reviews.json()).toMatchObject({
      scoreMethod: 'mean',
      scoreMethodLabel: '平均分',
      scoreMargin: 15,
      expertScore: 70,
      expertScoreFlagged: true,
    });
    expect((await as('city.admin', 'GET', `/api/recognition/applications/${id}`)).json()).toMatchObject({
      expertScore: 70,
      expertScoreFlagged: true,
    });
    expect((await as(first, 'GET', '/api/recognition/reviews?status=submitted')).json().items).toContainEqual(
      expect.objectContaining({ applicationId: id, status: 'submitted', editable: false }),
    );
  });

  it('takes the median where the round says so; 特色化 only where the rule set has it; closed once the item left 专家评审', async () => {
    const roundId = await round({ perApplication: 3, method: 'median', ruleSet: 'srdi-2026', margin: 40 });
    const id = await application(roundId, next(), '39', 'district_approved', 'srdi-2026');
    await draw(roundId);
    const [a, b, c] = await usernamesDrawnFor(id);
    const base = { answers: { 'srdi2026.market': true }, opinion: '同意。', submit: true };
    const featured = await review(a, id, { ...base, score: 60, featuredScore: 5 });
    expect(featured.statusCode).toBe(400);
    expect(featured.json()).toMatchObject({ code: 'RECOGNITION_FEATURED_NOT_APPLICABLE', details: { field: 'featuredScore' } });
    expect((await as(a, 'GET', `/api/recognition/applications/${id}/review`)).json().featuredApplicable).toBe(false);
    await review(a, id, { ...base, score: 60 });
    await review(b, id, { ...base, score: 90 });
    // Median of 60, 90, 61 = 61 (the mean would be 70); within the margin of 40: no flag.
    expect((await review(c, id, { ...base, score: 61 })).json()).toEqual({ submitted: true, expertScore: 61, expertScoreFlagged: false });

    // An item the city moved on (returned to the district) takes no more reviews.
    const other = await round({ perApplication: 1 });
    const id2 = await application(other, next(), '39');
    await draw(other);
    const [only] = await usernamesDrawnFor(id2);
    await h.owner.query("update recognition_applications set status = 'submitted' where id = $1", [id2]);
    const closed = await review(only, id2, { ...base, score: 70, featuredScore: 8 });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('RECOGNITION_REVIEW_CLOSED');
  });

  it('replaces an expert who declares a conflict after the draw: that expert cannot score, drawing again puts another in its place', async () => {
    const roundId = await round({ perApplication: 2 });
    const e = next();
    const id = await application(roundId, e, '39');
    await draw(roundId);
    const [kept, leaving] = await usernamesDrawnFor(id);
    const [{ expertId }] = await h.owner.query<{ expertId: string }>(
      'select x.id as "expertId" from experts x join users u on u.id = x.user_id where u.username = $1',
      [leaving],
    );
    const body = { answers: { 'srdi2026.market': true }, featuredScore: 6, score: 75, opinion: '同意。', submit: true };
    await review(kept, id, body);
    // The expert tells the city of a conflict; the city records it in the pool (the experts module's own route).
    const declared = await as('city.admin', 'POST', `/api/experts/${expertId}/conflicts`, {
      enterpriseId: e.id,
      reason: '近三年曾为该企业提供咨询',
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const before = await snapshot(id);
    const refused = await review(leaving, id, body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'RECOGNITION_REVIEW_CONFLICT' });
    expect(refused.json().message).toMatch(/利益冲突/);
    expect(await snapshot(id)).toEqual(before);

    const again = await draw(roundId);
    expect(again.json()).toEqual({ assigned: 0, replaced: 1, shortfall: [] });
    const now = await usernamesDrawnFor(id);
    expect(now).toHaveLength(2);
    expect(now).toContain(kept);
    expect(now).not.toContain(leaving);
    const [newcomer] = now.filter((u) => u !== kept);
    const [history] = await h.owner.query<{ reason: string }>(
      "select reason from recognition_history where application_id = $1 and action = 'experts_assigned' order by id desc limit 1",
      [id],
    );
    expect(history.reason).toMatch(/更换评审专家 1 位/);
    expect(
      await h.count(
        "select count(*) as n from messages m join users u on u.id = m.user_id where u.username = $1 and m.link = '/recognition/reviews'",
        [newcomer],
      ),
    ).toBeGreaterThan(0);
    // The submitted review stays; the newcomer's completes the item.
    expect((await review(newcomer, id, { ...body, score: 85 })).json()).toEqual({
      submitted: true,
      expertScore: 80,
      expertScoreFlagged: false,
    });
    // Nothing more to replace or draw.
    expect((await draw(roundId)).json().code).toBe('RECOGNITION_NOTHING_TO_DRAW');
  });

  it('twice at once: two draws staff each item once; the last two experts submitting together make one final score', async () => {
    const roundId = await round({ perApplication: 2 });
    const ids = [await application(roundId, next(), '39'), await application(roundId, next(), '39')];
    const both = await Promise.all([draw(roundId), draw(roundId)]);
    const codes = both.map((r) => (r.statusCode === 200 ? `200:${r.json().assigned}` : `${r.statusCode}:${r.json().code}`)).sort();
    expect(codes).toEqual(['200:2', '409:RECOGNITION_NOTHING_TO_DRAW']);
    for (const id of ids) expect(await drawnFor(id)).toHaveLength(2);

    const [a, b] = await usernamesDrawnFor(ids[0]);
    const body = { answers: { 'srdi2026.market': true }, featuredScore: 7, opinion: '同意。', submit: true };
    const results = await Promise.all([review(a, ids[0], { ...body, score: 70 }), review(b, ids[0], { ...body, score: 90 })]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(results.map((r) => r.json().expertScore).filter((x) => x !== null)).toEqual([80]);
    expect(
      await h.count("select count(*) as n from recognition_history where application_id = $1 and action = 'experts_scored'", [ids[0]]),
    ).toBe(1);
  });

  it('refuses the wrong actors: the draw is the city’s, scoring the drawn experts’, the reviews view the city’s', async () => {
    const roundId = await round({ perApplication: 1 });
    const id = await application(roundId, next(), '39');
    const before = await snapshot(id);
    for (const user of ['rongchang.admin', 'demo.enterprise', 'expert.001']) {
      const refused = await draw(roundId, {}, user);
      expect(refused.statusCode, user).toBe(403);
      expect(refused.json().message).toMatch(/无权/);
    }
    expect(await snapshot(id)).toEqual(before);
    await draw(roundId);
    const body = { answers: { 'srdi2026.market': true }, featuredScore: 5, score: 70, opinion: '同意', submit: true };
    for (const user of ['city.admin', 'rongchang.admin', 'demo.enterprise'])
      expect((await review(user, id, body)).statusCode, user).toBe(403);
    const [drawn] = await usernamesDrawnFor(id);
    for (const user of ['rongchang.admin', 'demo.enterprise', drawn]) {
      expect((await as(user, 'GET', `/api/recognition/applications/${id}/reviews`)).statusCode, user).toBe(404);
    }
    for (const user of ['city.admin', 'rongchang.admin', 'demo.enterprise']) {
      expect((await as(user, 'GET', '/api/recognition/reviews')).statusCode, user).toBe(404);
      expect((await as(user, 'GET', `/api/recognition/applications/${id}/review`)).statusCode, user).toBe(404);
    }
    expect(
      await h.count('select count(*) as n from recognition_expert_reviews where application_id = $1 and submitted_at is not null', [id]),
    ).toBe(0);
  });
});
