import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/domain/dates.js';
import { openObjectionCount } from '../../src/modules/recognition/objections.repo.js';
import { pdf } from '../files/samples.js';
import { multipart } from '../support/files.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

const ABSENT = '00000000-0000-4000-8000-000000000000';
type Method = 'GET' | 'POST';
interface Enterprise {
  id: string;
  name: string;
}

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.each(DATABASE_KINDS)('objections in 公示 (异议) on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  const today = todayInShanghai();
  let rongchang: Enterprise[];
  let used = 0;
  let roundId: string;

  const as = (user: string, method: Method, url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { cookie: cookies[user] }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const next = () => {
    const e = rongchang[used++];
    if (!e) throw new Error('out of 荣昌区 enterprises');
    return e;
  };

  async function application(e: Enterprise, status = 'in_publicity') {
    const [a] = await h.owner.query<{ id: string }>(
      `insert into recognition_applications (round_id, enterprise_id, district_code, zone_code, tier, status, score, submitted_at)
       select $1, e.id, e.district_code, e.zone_code, 'srdi', $2, 80, now() from enterprises e where e.id = $3 returning id`,
      [roundId, status, e.id],
    );
    return a.id;
  }
  const snapshot = async (id: string) =>
    h.owner.query(
      `select to_jsonb(a) as row,
         (select coalesce(jsonb_agg(to_jsonb(o) order by o.id), '[]') from recognition_objections o where o.application_id = a.id) as objections,
         (select count(*)::int from recognition_history r where r.application_id = a.id) as history,
         (select count(*)::int from audit_log l where l.entity_id = a.id::text) as audit,
         (select count(*)::int from files f where f.owner_type = 'recognition_objection') as files
       from recognition_applications a where a.id = $1`,
      [id],
    );
  const object = (user: string, id: string, body: Record<string, unknown>) =>
    as(user, 'POST', `/api/recognition/applications/${id}/objections`, body);
  const find = (user: string, id: string, body: Record<string, unknown>) =>
    as(user, 'POST', `/api/recognition/objections/${id}/finding`, body);
  const upload = async (user: string) => {
    const body = await multipart(pdf(`objection ${Math.random()}`), '异议佐证材料.pdf');
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/files',
      payload: body.payload,
      headers: { ...body.headers, cookie: cookies[user] },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().id as string;
  };
  const good = () => ({
    channel: 'phone',
    objectorName: '张三',
    objectorContact: '13800138000',
    facts: '该企业申报的研发费用与实际不符。',
    receivedOn: today,
  });

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise', 'expert.001']) cookies[u] = await h.login(u);
    // The test registry has few enterprises in 荣昌区: move some there (this copy of the database only).
    await h.owner.query(
      `update enterprises set district_code = '500153', zone_code = null where id in (
         select e.id from enterprises e where e.district_code not in ('500153', '500112')
           and not exists (select 1 from users u where u.enterprise_id = e.id) order by e.id limit 20)`,
    );
    rongchang = await h.owner.query<Enterprise>(
      `select e.id, e.name from enterprises e where e.district_code = '500153'
         and not exists (select 1 from users u where u.enterprise_id = e.id) order by e.id limit 20`,
    );
    [{ id: roundId }] = await h.owner.query<{ id: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set, publicity_starts_on, publicity_ends_on)
       values ('srdi', 'new', 2026, '异议测试批次', $1::date - 60, $1::date - 30, 'srdi-2022', $1::date - 2, $1::date + 5) returning id`,
      [today],
    );
  });
  afterAll(() => h?.close());

  it('records an objection on an item in 公示 only: any other status 409 RECOGNITION_NOT_IN_PUBLICITY, nothing stored', async () => {
    for (const status of ['city_approved', 'recognised', 'not_recognised', 'expert_review']) {
      const id = await application(next(), status);
      const before = await snapshot(id);
      const refused = await object('city.admin', id, good());
      expect(refused.statusCode, status).toBe(409);
      expect(refused.json().code).toBe('RECOGNITION_NOT_IN_PUBLICITY');
      expect(refused.json().message).toMatch(/不在公示期内/);
      expect(await snapshot(id)).toEqual(before);
    }
  });

  it('records who, how, the facts and evidence; history and messages; the item stays in 公示 and blocks the announcement until found', async () => {
    const e = next();
    const id = await application(e);
    const fileId = await upload('rongchang.admin');
    const countBefore = await openObjectionCount(h.database.db, roundId);
    const created = await object('rongchang.admin', id, { ...good(), channel: 'written', fileIds: [fileId] });
    expect(created.statusCode, created.body).toBe(201);
    const o = created.json();
    expect(o).toMatchObject({
      applicationId: id,
      channel: 'written',
      channelLabel: '书面',
      objectorName: '张三',
      objectorContact: '13800138000',
      status: 'open',
      statusLabel: '待核查',
      findingReason: null,
      recordedByName: expect.any(String),
      files: [expect.objectContaining({ id: fileId, name: '异议佐证材料.pdf' })],
    });
    expect(await openObjectionCount(h.database.db, roundId)).toBe(countBefore + 1);
    const detail = (await as('city.admin', 'GET', `/api/recognition/applications/${id}`)).json();
    expect(detail.status).toBe('in_publicity');
    expect(detail.history.at(-1)).toMatchObject({ action: 'objection', fromStatus: 'in_publicity', toStatus: 'in_publicity' });
    // The objector's identity is not written into the history the enterprise reads.
    expect(JSON.stringify(detail.history)).not.toContain('张三');
    expect(await h.count("select count(*) as n from audit_log where entity_id = $1 and action = 'recognition.objection'", [id])).toBe(1);
    // The city is told (the district recorded it).
    expect(
      await h.count(
        "select count(*) as n from messages m join users u on u.id = m.user_id where u.username = 'city.admin' and m.link = $1",
        [`/recognition/applications/${id}`],
      ),
    ).toBe(1);

    // The list: the city and the item's district; the evidence file readable by them, not by the enterprise.
    const list = await as('city.admin', 'GET', `/api/recognition/applications/${id}/objections`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: o.id }] });
    expect((await as('rongchang.admin', 'GET', `/api/recognition/applications/${id}/objections`)).json().total).toBe(1);
    expect((await as('city.admin', 'GET', `/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await as('yubei.admin', 'GET', `/api/files/${fileId}`)).statusCode).toBe(404);
    expect((await as('demo.enterprise', 'GET', `/api/files/${fileId}`)).statusCode).toBe(404);

    // Dismissed: the item stays in 公示 with the finding in its history; a second finding 409.
    const dismissed = await find('city.admin', o.id, { finding: 'dismissed', reason: '经核查研发费用有审计报告佐证，异议不成立。' });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(dismissed.json()).toMatchObject({
      status: 'dismissed',
      statusLabel: '不成立',
      findingReason: '经核查研发费用有审计报告佐证，异议不成立。',
      foundByName: expect.any(String),
    });
    const after = (await as('city.admin', 'GET', `/api/recognition/applications/${id}`)).json();
    expect(after.status).toBe('in_publicity');
    expect(after.history.at(-1)).toMatchObject({
      action: 'objection_dismissed',
      toStatus: 'in_publicity',
      reason: '经核查研发费用有审计报告佐证，异议不成立。',
    });
    expect(await openObjectionCount(h.database.db, roundId)).toBe(countBefore);
    const before = await snapshot(id);
    for (const finding of ['dismissed', 'upheld']) {
      const twice = await find('city.admin', o.id, { finding, reason: '再次登记' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().code).toBe('RECOGNITION_OBJECTION_FOUND');
      expect(twice.json().message).toMatch(/已登记核查结论（不成立）/);
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it('upheld removes the item from 公示 at once (未认定) with its history; the enterprise is told', async () => {
    const e = next();
    const id = await application(e);
    const [{ username }] = await h.owner.query<{ username: string }>(
      `insert into users (username, display_name, role, enterprise_id, password_hash)
       select 'objection.enterprise', '企业用户', 'enterprise', $1, password_hash from users where username = 'demo.enterprise' returning username`,
      [e.id],
    );
    const first = (await object('city.admin', id, good())).json();
    const second = (await object('city.admin', id, { ...good(), channel: 'visit', objectorName: '李四' })).json();
    const upheld = await find('city.admin', first.id, { finding: 'upheld', reason: '经核查，企业提供的知识产权证明系伪造。' });
    expect(upheld.statusCode, upheld.body).toBe(200);
    expect(upheld.json()).toMatchObject({ status: 'upheld', statusLabel: '成立' });
    const detail = (await as('city.admin', 'GET', `/api/recognition/applications/${id}`)).json();
    expect(detail.status).toBe('not_recognised');
    expect(detail.history.at(-1)).toMatchObject({
      action: 'objection_upheld',
      fromStatus: 'in_publicity',
      toStatus: 'not_recognised',
      reason: '经核查，企业提供的知识产权证明系伪造。',
    });
    expect(
      await h.count("select count(*) as n from audit_log where entity_id = $1 and action = 'recognition.objection_upheld'", [id]),
    ).toBe(1);
    const [message] = await h.owner.query<{ body: string }>(
      "select m.body from messages m join users u on u.id = m.user_id where u.username = $1 and m.category = 'recognition'",
      [username],
    );
    expect(message.body).toMatch(/异议成立，不予认定.*知识产权证明系伪造/);
    // The other objection of a removed item no longer holds up the announcement; its finding is still recorded.
    expect(await h.count("select count(*) as n from recognition_objections where application_id = $1 and status = 'open'", [id])).toBe(1);
    const openOfRound = await openObjectionCount(h.database.db, roundId);
    const late = await find('city.admin', second.id, { finding: 'dismissed', reason: '与前一异议重复。' });
    expect(late.statusCode, late.body).toBe(200);
    expect((await as('city.admin', 'GET', `/api/recognition/applications/${id}`)).json().status).toBe('not_recognised');
    expect(await openObjectionCount(h.database.db, roundId)).toBe(openOfRound);
    // A removed item takes no new objection.
    expect((await object('city.admin', id, good())).json().code).toBe('RECOGNITION_NOT_IN_PUBLICITY');
  });

  it('two findings at once: one is recorded, the other 409', async () => {
    const id = await application(next());
    const o = (await object('city.admin', id, good())).json();
    const both = await Promise.all([
      find('city.admin', o.id, { finding: 'upheld', reason: '甲的结论' }),
      find('city.admin', o.id, { finding: 'dismissed', reason: '乙的结论' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(
      await h.count("select count(*) as n from recognition_history where application_id = $1 and action like 'objection_%'", [id]),
    ).toBe(1);
  });

  it('refuses bad input with 400 and nothing stored: future or pre-公示 date, unknown channel, empty facts, another user’s file', async () => {
    const id = await application(next());
    const before = await snapshot(id);
    const othersFile = await upload('demo.enterprise');
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good(), receivedOn: shift(today, 1) }, 'RECOGNITION_OBJECTION_DATE_INVALID'],
      [{ ...good(), receivedOn: shift(today, -10) }, 'RECOGNITION_OBJECTION_DATE_INVALID'],
      [{ ...good(), receivedOn: '2026-02-30' }, 'VALIDATION_FAILED'],
      [{ ...good(), channel: 'email' }, 'VALIDATION_FAILED'],
      [{ ...good(), facts: '   ' }, 'VALIDATION_FAILED'],
      [{ ...good(), objectorName: '' }, 'VALIDATION_FAILED'],
      [{ ...good(), fileIds: [othersFile] }, 'FILE_NOT_FOUND'],
    ];
    for (const [body, code] of cases) {
      const response = await object('city.admin', id, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().code, JSON.stringify(body)).toBe(code);
      expect(response.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await snapshot(id)).toEqual(before);
    const o = (await object('city.admin', id, good())).json();
    for (const body of [{ finding: 'maybe', reason: '理由' }, { finding: 'upheld' }, { finding: 'upheld', reason: '  ' }]) {
      expect((await find('city.admin', o.id, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await find('city.admin', ABSENT, { finding: 'upheld', reason: '理由' })).statusCode).toBe(404);
    expect((await find('city.admin', 'not-an-id', { finding: 'upheld', reason: '理由' })).statusCode).toBe(400);
  });

  it('lists the applications by objection state (?objection=open …) in the reader’s scope; another district sees none of them', async () => {
    const ids = {
      waiting: await application(next()),
      dismissed: await application(next()),
      upheld: await application(next()),
      quiet: await application(next()),
    };
    const findOne = async (id: string, finding: 'upheld' | 'dismissed') => {
      const o = (await object('city.admin', id, good())).json();
      expect((await find('city.admin', o.id, { finding, reason: '经核查，与审计报告核对' })).statusCode).toBe(200);
    };
    expect((await object('rongchang.admin', ids.waiting, good())).statusCode).toBe(201);
    await findOne(ids.dismissed, 'dismissed');
    await findOne(ids.upheld, 'upheld');
    const list = async (user: string, state: string) => {
      const r = await as(user, 'GET', `/api/recognition/applications?roundId=${roundId}&objection=${state}&pageSize=100`);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json() as { items: { id: string; objection: string }[]; total: number };
      for (const i of body.items) expect(i.objection).toBe(state);
      expect(body.total).toBe(body.items.length);
      return body.items.map((i) => i.id);
    };
    for (const user of ['city.admin', 'rongchang.admin']) {
      const open = await list(user, 'open');
      expect(open, user).toContain(ids.waiting);
      expect(open, user).not.toContain(ids.dismissed);
      expect(open, user).not.toContain(ids.quiet);
      const dismissed = await list(user, 'dismissed');
      expect(dismissed, user).toContain(ids.dismissed);
      expect(dismissed, user).not.toContain(ids.upheld);
      const upheld = await list(user, 'upheld');
      expect(upheld, user).toContain(ids.upheld);
      expect(upheld, user).not.toContain(ids.dismissed);
      const none = await list(user, 'none');
      expect(none, user).toContain(ids.quiet);
      expect(none, user).not.toContain(ids.waiting);
      expect(none, user).not.toContain(ids.dismissed);
    }
    // The same count the round's announcement waits for (openObjectionCount), for this round.
    expect((await list('city.admin', 'open')).length).toBe(await openObjectionCount(h.database.db, roundId));
    expect(await list('yubei.admin', 'open')).toEqual([]);
    expect(await list('demo.enterprise', 'open')).not.toContain(ids.waiting);
    const bad = await as('city.admin', 'GET', '/api/recognition/applications?objection=pending');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('refuses the wrong actors: another district 404 as if absent, the enterprise and experts 403; the finding is the city’s', async () => {
    const id = await application(next());
    const before = await snapshot(id);
    const absent = await object('yubei.admin', ABSENT, good());
    expect(absent.statusCode).toBe(404);
    const other = await object('yubei.admin', id, good());
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual(absent.json());
    for (const user of ['demo.enterprise', 'expert.001']) {
      const refused = await object(user, id, good());
      expect(refused.statusCode, user).toBe(403);
      expect(refused.json().message).toMatch(/无权/);
    }
    expect(await snapshot(id)).toEqual(before);
    const o = (await object('city.admin', id, good())).json();
    const withObjection = await snapshot(id);
    for (const user of ['rongchang.admin', 'yubei.admin', 'demo.enterprise', 'expert.001']) {
      expect((await find(user, o.id, { finding: 'upheld', reason: '越权' })).statusCode, user).toBe(403);
    }
    expect(await snapshot(id)).toEqual(withObjection);
    for (const user of ['yubei.admin', 'demo.enterprise', 'expert.001']) {
      const read = await as(user, 'GET', `/api/recognition/applications/${id}/objections`);
      expect(read.statusCode, user).toBe(404);
      expect(read.body).not.toContain('张三');
    }
  });
});
