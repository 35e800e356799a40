import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/domain/dates.js';
import { RECOGNITION_STATUSES, type RecognitionStatus, TRANSITIONS } from '../../src/domain/recognition/lifecycle.js';
import { OVERDUE_REVIEW_REMINDER_STEP } from '../../src/modules/recognition/recognition.jobs.js';
import { REVIEW_ACTIONS, type ReviewAction } from '../../src/modules/recognition/review-application.js';
import { DAILY_SWEEP_STEPS } from '../../src/server/sweeps.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

const ABSENT = '00000000-0000-4000-8000-000000000000';
type Method = 'GET' | 'POST' | 'PUT';
interface Enterprise {
  id: string;
  name: string;
  uscc: string;
  industryCode: string | null;
}

/** The officer who takes an action in the matrix: the district for 初审, the city for 复审. */
const actorFor = (action: ReviewAction) => (TRANSITIONS[action].roles.includes('district_admin') ? 'rongchang.admin' : 'city.admin');
const needsReason = (action: ReviewAction) => TRANSITIONS[action].reason === 'required';

describe.each(DATABASE_KINDS)('district 初审 and city 复审 on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  let rongchang: Enterprise[];
  let yubei: Enterprise[];
  let demo: Enterprise;
  let used = 0;
  const today = todayInShanghai();
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const inAWeek = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);

  const as = (user: string, method: Method, url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { cookie: cookies[user] }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const next = () => {
    const e = rongchang[used++];
    if (!e) throw new Error('out of 荣昌区 enterprises');
    return e;
  };

  async function round(name = `测试批次 ${Math.random().toString(36).slice(2, 8)}`): Promise<string> {
    const [r] = await h.owner.query<{ id: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set)
       values ('srdi', 'new', 2026, $1, $2::date - 30, $2::date + 30, 'srdi-2022') returning id`,
      [name, today],
    );
    return r.id;
  }

  async function application(
    roundId: string,
    e: Enterprise,
    status: RecognitionStatus,
    extra: { dueOn?: string; score?: number; tier?: string } = {},
  ): Promise<string> {
    const [a] = await h.owner.query<{ id: string }>(
      `insert into recognition_applications (round_id, enterprise_id, district_code, zone_code, tier, status, score, industry_code,
         submitted_at, district_due_on)
       select $1, e.id, e.district_code, e.zone_code, $3, $4, $5, e.industry_code,
         case when $4 = 'draft' then null else now() end, $6::date
       from enterprises e where e.id = $2 returning id`,
      [roundId, e.id, extra.tier ?? 'srdi', status, extra.score ?? 80, extra.dueOn ?? inAWeek],
    );
    return a.id;
  }

  /** Everything about an application a refused request must leave as it was. */
  const snapshot = async (id: string) =>
    h.owner.query(
      `select to_jsonb(a) as row,
         (select count(*)::int from recognition_history r where r.application_id = a.id) as history,
         (select count(*)::int from audit_log l where l.entity_id = a.id::text) as audit
       from recognition_applications a where a.id = $1`,
      [id],
    );
  const messagesOf = (username: string) =>
    h.count("select count(*) as n from messages m join users u on u.id = m.user_id where u.username = $1 and m.category = 'recognition'", [
      username,
    ]);
  const act = (user: string, id: string, body: Record<string, unknown>) =>
    as(user, 'POST', `/api/recognition/applications/${id}/actions`, body);

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise', 'expert.001']) cookies[u] = await h.login(u);
    const pick = (district: string) =>
      h.owner.query<Enterprise>(
        `select e.id, e.name, e.uscc, e.industry_code as "industryCode" from enterprises e
         where e.district_code = $1 and not exists (select 1 from users u where u.enterprise_id = e.id) order by e.id limit 80`,
        [district],
      );
    // The test registry has few enterprises in 荣昌区: move some from other districts there (this copy of the database only).
    await h.owner.query(
      `update enterprises set district_code = '500153', zone_code = null where id in (
         select e.id from enterprises e where e.district_code not in ('500153', '500112')
           and not exists (select 1 from users u where u.enterprise_id = e.id) order by e.id limit 70)`,
    );
    rongchang = await pick('500153');
    yubei = await pick('500112');
    [demo] = await h.owner.query<Enterprise>(
      `select e.id, e.name, e.uscc, e.industry_code as "industryCode" from enterprises e
       join users u on u.enterprise_id = e.id where u.username = 'demo.enterprise'`,
    );
  });
  afterAll(() => h?.close());

  it('takes every review action from every status it allows: status, history, audit, return reason, messages', async () => {
    const roundId = await round();
    for (const action of REVIEW_ACTIONS) {
      for (const from of TRANSITIONS[action].from) {
        const id = await application(roundId, next(), from);
        const body = needsReason(action) ? { action, reason: `第 ${action} 项的理由`, reasonCode: 'incomplete' } : { action };
        const response = await act(actorFor(action), id, body);
        expect(response.statusCode, `${action} from ${from}: ${response.body}`).toBe(200);
        const detail = response.json();
        expect(detail.status).toBe(TRANSITIONS[action].to);
        expect(detail.history.at(-1)).toMatchObject({
          action,
          fromStatus: from,
          toStatus: TRANSITIONS[action].to,
          reason: needsReason(action) ? `第 ${action} 项的理由` : null,
        });
        const [{ n }] = await h.owner.query<{ n: number }>(
          'select count(*)::int as n from audit_log where entity_id = $1 and action = $2 and entity_type = $3',
          [id, `recognition.${action}`, 'recognition_application'],
        );
        expect(n, `${action} audit`).toBe(1);
        if (action === 'return' || action === 'return_to_district') {
          expect(detail).toMatchObject({
            returnReasonCode: 'incomplete',
            returnReasonLabel: '材料不全',
            returnReason: `第 ${action} 项的理由`,
          });
        }
      }
    }
    // The city may take the district's actions too.
    const byCity = await application(roundId, next(), 'submitted');
    expect((await act('city.admin', byCity, { action: 'district_approve' })).json().status).toBe('district_approved');
    // A return without a code is 其他.
    const noCode = await application(roundId, next(), 'submitted');
    expect((await act('rongchang.admin', noCode, { action: 'return', reason: '请补充' })).json()).toMatchObject({
      returnReasonCode: 'other',
      returnReasonLabel: '其他',
    });
  });

  it('refuses an action from a status it does not allow with 409, the application exactly as it was', async () => {
    const roundId = await round();
    for (const action of REVIEW_ACTIONS) {
      const wrong = RECOGNITION_STATUSES.filter((s) => !TRANSITIONS[action].from.includes(s));
      for (const from of [wrong[0], 'recognised', 'withdrawn'] as RecognitionStatus[]) {
        const id = await application(roundId, next(), from);
        const before = await snapshot(id);
        const response = await act(actorFor(action), id, { action, reason: '理由', reasonCode: 'other' });
        expect(response.statusCode, `${action} from ${from}`).toBe(409);
        expect(response.json().code).toBe('RECOGNITION_ACTION_NOT_ALLOWED');
        expect(response.json().message).toMatch(/申报状态为“.+”，不能/);
        expect(await snapshot(id)).toEqual(before);
      }
    }
  });

  it('two officers acting at once: one wins, the other gets 409, one history entry', async () => {
    const roundId = await round();
    const id = await application(roundId, next(), 'submitted');
    const [a, b] = await Promise.all([
      act('rongchang.admin', id, { action: 'district_approve' }),
      act('city.admin', id, { action: 'return', reason: '同时退回' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(await h.count('select count(*) as n from recognition_history where application_id = $1', [id])).toBe(1);
    // Two batches over the same item at once: one moves it, the other changes nothing.
    const other = await application(roundId, next(), 'submitted');
    const batch = () =>
      as('rongchang.admin', 'POST', '/api/recognition/applications/batch-actions', { action: 'district_approve', ids: [other] });
    const both = await Promise.all([batch(), batch()]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await h.count('select count(*) as n from recognition_history where application_id = $1', [other])).toBe(1);
  });

  it('requires the reason where the lifecycle says so (400 RECOGNITION_REASON_REQUIRED, nothing changed)', async () => {
    const roundId = await round();
    for (const action of REVIEW_ACTIONS.filter(needsReason)) {
      const id = await application(roundId, next(), TRANSITIONS[action].from[0]);
      const before = await snapshot(id);
      for (const body of [{ action }, { action, reasonCode: 'incomplete' }]) {
        const response = await act(actorFor(action), id, body);
        expect(response.statusCode, `${action} ${JSON.stringify(body)}`).toBe(400);
        expect(response.json()).toMatchObject({ code: 'RECOGNITION_REASON_REQUIRED', details: { field: 'reason' } });
        expect(response.json().message).toMatch(/须填写原因/);
      }
      // Only spaces: refused by the body's own rule (不能为空).
      expect((await act(actorFor(action), id, { action, reason: '   ' })).statusCode).toBe(400);
      expect(await snapshot(id)).toEqual(before);
    }
    // An unknown reason code is a 400 of the body, not a 500.
    const id = await application(roundId, next(), 'submitted');
    const bad = await act('rongchang.admin', id, { action: 'return', reason: '请补充', reasonCode: 'nonsense' });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses every wrong actor: another district 404 as if absent, the enterprise 403, a district on city actions 403, an expert 404', async () => {
    const roundId = await round();
    const own = await application(roundId, demo, 'submitted');
    const approved = await application(roundId, next(), 'district_approved');
    const absent = await act('rongchang.admin', ABSENT, { action: 'district_approve' });
    expect(absent.statusCode).toBe(404);
    const cases: [string, string, Record<string, unknown>, number][] = [
      ['yubei.admin', own, { action: 'district_approve' }, 404],
      ['yubei.admin', own, { action: 'return', reason: '越权' }, 404],
      ['yubei.admin', approved, { action: 'city_approve' }, 404],
      ['demo.enterprise', own, { action: 'district_approve' }, 403],
      ['demo.enterprise', own, { action: 'return', reason: '自己退回' }, 403],
      ['demo.enterprise', approved, { action: 'city_approve' }, 404],
      ['rongchang.admin', approved, { action: 'city_approve' }, 403],
      ['rongchang.admin', approved, { action: 'city_reject', reason: '越权' }, 403],
      ['rongchang.admin', approved, { action: 'return_to_district', reason: '越权' }, 403],
      ['expert.001', own, { action: 'district_approve' }, 404],
      ['expert.001', approved, { action: 'city_approve' }, 404],
    ];
    for (const [user, id, body, status] of cases) {
      const before = await snapshot(id);
      const response = await act(user, id, body);
      expect(response.statusCode, `${user} ${JSON.stringify(body)}: ${response.body}`).toBe(status);
      if (status === 404) expect(response.json()).toEqual(absent.json());
      else expect(response.json().message).toMatch(/只有/);
      expect(await snapshot(id)).toEqual(before);
    }
    // Not logged in.
    expect(
      (await h.app.inject({ method: 'POST', url: `/api/recognition/applications/${own}/actions`, payload: { action: 'return' } }))
        .statusCode,
    ).toBe(401);
  });

  it('shows the enterprise the return reason in its GET and its list, and tells it in a message', async () => {
    const roundId = await round('退回测试批次');
    const id = await application(roundId, demo, 'submitted');
    const before = await messagesOf('demo.enterprise');
    const response = await act('rongchang.admin', id, {
      action: 'return',
      reasonCode: 'weak_evidence',
      reason: '请补充研发费用专项审计报告',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await messagesOf('demo.enterprise')).toBe(before + 1);
    const [message] = await h.owner.query<{ title: string; body: string; link: string }>(
      `select m.title, m.body, m.link from messages m join users u on u.id = m.user_id
       where u.username = 'demo.enterprise' and m.category = 'recognition' order by m.created_at desc limit 1`,
    );
    expect(message.title).toBe('申报被退回：请补充研发费用专项审计报告');
    expect(message.body).toContain('荣昌区经信委');
    expect(message.body).not.toContain('rongchang.admin');
    expect(message.link).toBe(`/recognition/applications/${id}`);

    const detail = (await as('demo.enterprise', 'GET', `/api/recognition/applications/${id}`)).json();
    expect(detail).toMatchObject({ status: 'returned', returnReasonLabel: '佐证不足', returnReason: '请补充研发费用专项审计报告' });
    const list = await as('demo.enterprise', 'GET', `/api/recognition/applications?roundId=${roundId}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id,
        status: 'returned',
        statusLabel: '已退回企业',
        returnReasonLabel: '佐证不足',
        returnReason: '请补充研发费用专项审计报告',
      }),
    ]);
  });

  it('lets the enterprise resubmit after a return (A’s submit) while the window is open, and the district review it again', async () => {
    // The demo enterprise applies for 创新型中小企业 (it holds no title in this copy: eligible if it is an SME).
    await h.owner.query('delete from enterprise_titles where enterprise_id = $1', [demo.id]);
    const [r] = await h.owner.query<{ id: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set)
       values ('innovative', 'new', 2026, '创新型中小企业重新提交测试', $1::date - 10, $1::date + 10, 'innovative-2022') returning id`,
      [today],
    );
    const created = await as('demo.enterprise', 'POST', '/api/recognition/applications', { roundId: r.id });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const submit = () => act('demo.enterprise', id, { action: 'submit', pledge: true });
    const first = await submit();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().status).toBe('submitted');
    expect((await as('rongchang.admin', 'GET', `/api/recognition/applications/${id}`)).json().allowedActions).toEqual(
      expect.arrayContaining(['return', 'district_approve', 'district_reject']),
    );
    expect((await act('rongchang.admin', id, { action: 'return', reasonCode: 'incomplete', reason: '缺少知识产权证书' })).statusCode).toBe(
      200,
    );
    const returned = (await as('demo.enterprise', 'GET', `/api/recognition/applications/${id}`)).json();
    expect(returned).toMatchObject({ status: 'returned', returnReasonLabel: '材料不全', returnReason: '缺少知识产权证书' });
    expect(returned.allowedActions).toContain('submit');
    const again = await submit();
    expect(again.statusCode, again.body).toBe(200);
    const steps = (again.json().history as { action: string }[]).map((x) => x.action).filter((a) => a === 'submit' || a === 'return');
    expect(steps).toEqual(['submit', 'return', 'submit']);
    expect((await act('rongchang.admin', id, { action: 'district_approve' })).json().status).toBe('district_approved');
  });

  it('approves and rejects with a message to the enterprise; a return to the district tells the district', async () => {
    const roundId = await round('消息测试批次');
    const id = await application(roundId, demo, 'submitted', { dueOn: yesterday });
    let n = await messagesOf('demo.enterprise');
    expect((await act('rongchang.admin', id, { action: 'district_approve' })).statusCode).toBe(200);
    expect(await messagesOf('demo.enterprise')).toBe(++n);
    const district = await messagesOf('rongchang.admin');
    const back = (await act('city.admin', id, { action: 'return_to_district', reason: '请核实研发人员占比' })).json();
    // Back in the district's queue with a new 初审 period (6 working days from today), not overdue at once.
    expect(back).toMatchObject({ status: 'submitted', overdue: false, returnReason: '请核实研发人员占比' });
    expect(back.districtDueOn > today).toBe(true);
    expect(await messagesOf('rongchang.admin')).toBe(district + 1);
    expect(await messagesOf('demo.enterprise')).toBe(n);
    expect((await act('rongchang.admin', id, { action: 'district_approve' })).statusCode).toBe(200);
    expect((await act('city.admin', id, { action: 'city_reject', reason: '研发投入不达标' })).json().status).toBe('city_rejected');
    n += 2;
    expect(await messagesOf('demo.enterprise')).toBe(n);
    const [last] = await h.owner.query<{ title: string }>(
      `select m.title from messages m join users u on u.id = m.user_id where u.username = 'demo.enterprise' order by m.created_at desc limit 1`,
    );
    expect(last.title).toBe('申报未通过市级复审：研发投入不达标');
  });

  it('batch approval is all or nothing: one refused item → 409 naming it, nothing changed; then all in one go', async () => {
    const roundId = await round('批量测试批次');
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await application(roundId, next(), 'submitted'));
    const wrong = next();
    const wrongId = await application(roundId, wrong, 'returned');
    const otherDistrict = await application(roundId, yubei[0], 'submitted');
    const state = () =>
      h.owner.query(
        `select a.id, a.status, a.version, (select count(*)::int from recognition_history r where r.application_id = a.id) as h
         from recognition_applications a where a.round_id = $1 order by a.id`,
        [roundId],
      );
    const before = await state();
    const audit = await h.count('select count(*) as n from audit_log');

    const refused = await as('rongchang.admin', 'POST', '/api/recognition/applications/batch-actions', {
      action: 'district_approve',
      ids: [...ids, wrongId, otherDistrict],
    });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().code).toBe('RECOGNITION_ACTION_NOT_ALLOWED');
    expect(refused.json().message).toContain('本次未做任何修改');
    expect(refused.json().details.refused).toEqual([
      { id: wrongId, enterpriseName: wrong.name, reason: '申报状态为“已退回企业”，不能区县初审通过' },
      // Another district's item: not named (its existence does not leak).
      { id: otherDistrict, enterpriseName: null, reason: '记录不存在或无权查看' },
    ]);
    expect(refused.body).not.toContain(yubei[0].name);
    expect(await state()).toEqual(before);
    expect(await h.count('select count(*) as n from audit_log')).toBe(audit);

    // Wrong actors: the enterprise and an expert may not batch; a district may not take the city's step.
    for (const [user, action] of [
      ['demo.enterprise', 'district_approve'],
      ['expert.001', 'district_approve'],
      ['rongchang.admin', 'city_approve'],
    ] as const) {
      const r = await as(user, 'POST', '/api/recognition/applications/batch-actions', { action, ids });
      expect(r.statusCode, `${user} ${action}`).toBe(403);
    }
    const notBatchable = await as('city.admin', 'POST', '/api/recognition/applications/batch-actions', { action: 'return', ids });
    expect(notBatchable.statusCode).toBe(400);
    expect(await state()).toEqual(before);

    const done = await as('rongchang.admin', 'POST', '/api/recognition/applications/batch-actions', { action: 'district_approve', ids });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ done: 5 });
    const [moved] = await h.owner.query<{ n: number; h: number; v: number }>(
      `select count(*)::int as n, sum((select count(*) from recognition_history r where r.application_id = a.id
          and r.action = 'district_approve' and r.from_status = 'submitted' and r.to_status = 'district_approved' and r.actor_name = '荣昌区经信委'))::int as h,
         min(a.version)::int as v
       from recognition_applications a where a.id = any($1::uuid[]) and a.status = 'district_approved'`,
      [ids],
    );
    expect(moved).toEqual({ n: 5, h: 5, v: 2 });
    expect(
      await h.count("select count(*) as n from audit_log where action = 'recognition.district_approve' and entity_id = any($1)", [ids]),
    ).toBe(5);

    // The city's step, from both statuses it allows, with a message to an enterprise.
    const demoItem = await application(roundId, demo, 'expert_review');
    const messages = await messagesOf('demo.enterprise');
    const city = await as('city.admin', 'POST', '/api/recognition/applications/batch-actions', {
      action: 'city_approve',
      ids: [...ids, demoItem],
    });
    expect(city.json()).toEqual({ done: 6 });
    expect(await messagesOf('demo.enterprise')).toBe(messages + 1);
    // Twice the same: now refused (all are city_approved), nothing changes.
    const again = await as('city.admin', 'POST', '/api/recognition/applications/batch-actions', {
      action: 'city_approve',
      ids: [demoItem],
    });
    expect(again.statusCode).toBe(409);
  });

  it('lists through the scope with filters: tier, status, score band, industry, district, overdue, search, paging', async () => {
    const roundId = await round('列表测试批次');
    const mine = [
      await application(roundId, next(), 'submitted', { score: 92 }),
      await application(roundId, next(), 'submitted', { score: 71, dueOn: yesterday }),
      await application(roundId, next(), 'district_approved', { score: 85 }),
      await application(roundId, next(), 'draft', { score: 60 }),
    ];
    const innovativeEnterprise = next();
    const innovative = await application(roundId, innovativeEnterprise, 'submitted', { tier: 'innovative', score: 66 });
    const theirs = await application(roundId, yubei[1], 'submitted', { score: 90 });
    const list = async (user: string, query: string) => {
      const r = await as(user, 'GET', `/api/recognition/applications?roundId=${roundId}&${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { items: { id: string; industryName?: string | null }[]; total: number; page: number; pageSize: number };
    };
    const ids = async (user: string, query = '') => (await list(user, query)).items.map((i) => i.id).sort();

    // Scope: the district its own (no drafts), the city all, the enterprise and an expert none of these.
    expect(await ids('rongchang.admin')).toEqual([mine[0], mine[1], mine[2], innovative].sort());
    expect(await ids('yubei.admin')).toEqual([theirs]);
    expect(await ids('city.admin')).toEqual([mine[0], mine[1], mine[2], innovative, theirs].sort());
    expect(await ids('demo.enterprise')).toEqual([]);
    expect(await ids('expert.001')).toEqual([]);
    // A district filter does not widen the scope.
    expect(await ids('rongchang.admin', 'districtCode=500112')).toEqual([]);
    expect(await ids('city.admin', 'districtCode=500112')).toEqual([theirs]);
    // Drafts only when asked for.
    expect(await ids('rongchang.admin', 'status=draft')).toEqual([mine[3]]);

    expect(await ids('rongchang.admin', 'status=district_approved')).toEqual([mine[2]]);
    expect(await ids('rongchang.admin', 'status=submitted,district_approved')).toEqual([mine[0], mine[1], mine[2], innovative].sort());
    expect(await ids('rongchang.admin', 'tier=innovative')).toEqual([innovative]);
    expect(await ids('rongchang.admin', 'scoreMin=80&scoreMax=90')).toEqual([mine[2]]);
    expect(await ids('rongchang.admin', 'overdue=true')).toEqual([mine[1]]);
    expect(await ids('rongchang.admin', 'overdue=false')).toEqual([mine[0], mine[2], innovative].sort());
    expect(await ids('rongchang.admin', `q=${encodeURIComponent(innovativeEnterprise.uscc.slice(0, 12))}`)).toContain(innovative);
    expect(await ids('rongchang.admin', `q=${encodeURIComponent(innovativeEnterprise.name)}`)).toEqual([innovative]);
    if (innovativeEnterprise.industryCode) {
      expect(await ids('rongchang.admin', `industryCode=${innovativeEnterprise.industryCode}`)).toContain(innovative);
    }
    // Sorting and paging.
    const sorted = await list('rongchang.admin', 'sort=-score&pageSize=2');
    expect(sorted).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(sorted.items.map((i) => i.id)).toEqual([mine[0], mine[2]]);
    const second = await list('rongchang.admin', 'sort=-score&pageSize=2&page=2');
    expect(second.items.map((i) => i.id)).toEqual([mine[1], innovative]);

    const byName = (await list('rongchang.admin', 'sort=enterpriseName')).items.map(
      (i) => (i as { enterpriseName?: string }).enterpriseName ?? '',
    );
    expect(byName).toEqual([...byName].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    // Past the last page: no rows, the total still counted.
    expect(await list('rongchang.admin', 'page=9')).toMatchObject({ items: [], total: 4, page: 9 });
    // The item as listed.
    const [overdue] = (await list('rongchang.admin', 'overdue=true')).items;
    expect(overdue).toMatchObject({
      id: mine[1],
      roundName: '列表测试批次',
      districtCode: '500153',
      districtName: '荣昌区',
      tier: 'srdi',
      tierLabel: '专精特新中小企业',
      status: 'submitted',
      statusLabel: '待区县初审',
      score: 71,
      districtDueOn: yesterday,
      overdue: true,
      objection: 'none',
    });
    const [industry] = await h.owner.query<{ name: string }>(
      'select i.name from industries i join recognition_applications a on a.industry_code = i.code where a.id = $1',
      [mine[1]],
    );
    expect(overdue.industryName).toBe(industry?.name ?? null);
    // Bad filters: 400 with the field, never a 500.
    for (const q of [
      'status=nonsense',
      'scoreMin=-1',
      'scoreMax=101',
      'industryCode=X1',
      'overdue=maybe',
      'objection=pending',
      'sort=id',
      'pageSize=500',
      'tier=big',
    ]) {
      const r = await as('city.admin', 'GET', `/api/recognition/applications?${q}`);
      expect(r.statusCode, q).toBe(400);
    }
  });

  it('shows an expert the applications it was drawn for, and only those', async () => {
    const roundId = await round('专家可见批次');
    const drawn = await application(roundId, next(), 'expert_review');
    const other = await application(roundId, next(), 'expert_review');
    await h.owner.query(
      `insert into recognition_expert_reviews (application_id, expert_id)
       select $1, x.id from experts x join users u on u.id = x.user_id where u.username = 'expert.001'`,
      [drawn],
    );
    const r = await as('expert.001', 'GET', `/api/recognition/applications?roundId=${roundId}`);
    expect(r.json().items.map((i: { id: string }) => i.id)).toEqual([drawn]);
    expect(r.body).not.toContain(other);
    // Drawn to read, not to act: 403, nothing changed.
    const before = await snapshot(drawn);
    expect((await act('expert.001', drawn, { action: 'city_approve' })).statusCode).toBe(403);
    expect(await snapshot(drawn)).toEqual(before);
  });

  it('records the checklist (district or city), refuses the enterprise 403, another district 404, a draft 409', async () => {
    const roundId = await round('核查测试批次');
    const id = await application(roundId, demo, 'submitted');
    const body = { creditChina: true, abnormalOperation: true, seriousDishonesty: false, onsiteCheck: true, note: '已实地走访' };
    const ok = await as('rongchang.admin', 'PUT', `/api/recognition/applications/${id}/checklist`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().checklist).toMatchObject({ ...body, checkedBy: '荣昌区经信委' });
    expect(await h.count("select count(*) as n from audit_log where action = 'recognition.checklist' and entity_id = $1", [id])).toBe(1);

    const before = await snapshot(id);
    const absent = await as('rongchang.admin', 'PUT', `/api/recognition/applications/${ABSENT}/checklist`, body);
    expect(absent.statusCode).toBe(404);
    const other = await as('yubei.admin', 'PUT', `/api/recognition/applications/${id}/checklist`, body);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual(absent.json());
    expect((await as('demo.enterprise', 'PUT', `/api/recognition/applications/${id}/checklist`, body)).statusCode).toBe(403);
    expect((await as('expert.001', 'PUT', `/api/recognition/applications/${id}/checklist`, body)).statusCode).toBe(403);
    expect(
      (await as('rongchang.admin', 'PUT', `/api/recognition/applications/${id}/checklist`, { ...body, onsiteCheck: 'yes' })).statusCode,
    ).toBe(400);
    expect(await snapshot(id)).toEqual(before);

    const draft = await application(roundId, next(), 'draft');
    const refused = await as('rongchang.admin', 'PUT', `/api/recognition/applications/${draft}/checklist`, body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('RECOGNITION_ACTION_NOT_ALLOWED');
  });

  it('flags overdue items and the daily sweep tells the district once a day', async () => {
    expect(DAILY_SWEEP_STEPS).toContain(OVERDUE_REVIEW_REMINDER_STEP);
    const roundId = await round('逾期测试批次');
    const late = await application(roundId, next(), 'submitted', { dueOn: yesterday });
    await application(roundId, next(), 'submitted', { dueOn: today });
    await application(roundId, next(), 'returned', { dueOn: yesterday });
    const detail = (await as('rongchang.admin', 'GET', `/api/recognition/applications/${late}`)).json();
    expect(detail.overdue).toBe(true);

    const [{ n: overdueHere }] = await h.owner.query<{ n: number }>(
      "select count(*)::int as n from recognition_applications where status = 'submitted' and district_due_on < $1 and (district_code = '500153' or zone_code = '500153')",
      [today],
    );
    const ctx = { database: h.database, db: h.database.db, config: h.config };
    const district = await messagesOf('rongchang.admin');
    const yubeiBefore = await messagesOf('yubei.admin');
    await OVERDUE_REVIEW_REMINDER_STEP.run(ctx, `${today}T01:00:00+08:00`);
    expect(await messagesOf('rongchang.admin')).toBe(district + 1);
    const [message] = await h.owner.query<{ title: string; link: string }>(
      `select m.title, m.link from messages m join users u on u.id = m.user_id where u.username = 'rongchang.admin' order by m.created_at desc limit 1`,
    );
    expect(message).toEqual({
      title: `初审逾期提醒：${overdueHere.toLocaleString('zh-CN')} 份申报已超过初审期限`,
      link: '/recognition/applications?overdue=true',
    });
    // 渝北区 has nothing overdue from this test (earlier tests left none there either).
    expect(await messagesOf('yubei.admin')).toBe(yubeiBefore);
    // Again on the same day (a retried sweep): nobody is told twice.
    await OVERDUE_REVIEW_REMINDER_STEP.run(ctx, `${today}T01:00:00+08:00`);
    expect(await messagesOf('rongchang.admin')).toBe(district + 1);
    // Once handled, the item is no longer overdue and no longer counted.
    expect((await act('rongchang.admin', late, { action: 'district_approve' })).json().overdue).toBe(false);
  });
});
