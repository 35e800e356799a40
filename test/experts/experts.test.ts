import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf } from '../files/samples.js';
import { runEvaluation } from '../support/evaluation.js';
import { multipart } from '../support/files.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

const ABSENT = '00000000-0000-4000-8000-000000000000';

describe.each(DATABASE_KINDS)('experts and the assigned scope on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  let expected: string[];
  let unassigned: { id: string; name: string };
  let demoEnterpriseId: string;
  let expert2Id: string;

  const as = (user: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { cookie: cookies[user] }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const idsOf = async (user: string) => {
    const list = await as(user, 'GET', '/api/enterprises?pageSize=200');
    expect(list.statusCode, list.body).toBe(200);
    return (list.json().items as { id: string }[]).map((e) => e.id).sort();
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise', 'expert.001', 'expert.002'])
      cookies[u] = await h.login(u);
    // What the demo assigns to expert.001 (demo-experts.ts), computed here from the registry itself:
    // the 专精特新 enterprises of 荣昌区 (district assignment) and the 小巨人 (point-to-point).
    expected = (
      await h.database.query<{ id: string }>(
        `select id from enterprises where (current_tier = 'srdi' and (district_code = '500153' or zone_code = '500153'))
         or id in (select a.enterprise_id from expert_assignments a join experts x on x.id = a.expert_id
                   join users u on u.id = x.user_id where u.username = 'expert.001' and a.kind = 'enterprise')`,
      )
    )
      .map((r) => r.id)
      .sort();
    [unassigned] = await h.database.query<{ id: string; name: string }>(
      "select id, name from enterprises where district_code = '500112' and current_tier is distinct from 'little_giant' limit 1",
    );
    [{ id: demoEnterpriseId }] = await h.database.query<{ id: string }>(
      "select enterprise_id as id from users where username = 'demo.enterprise'",
    );
    [{ id: expert2Id }] = await h.database.query<{ id: string }>(
      "select x.id from experts x join users u on u.id = x.user_id where u.username = 'expert.002'",
    );
  });
  afterAll(() => h?.close());

  it('shows an expert exactly the enterprises assigned: list, detail, evaluation reads; any other id is 404 like an absent one', async () => {
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(expected).toContain(demoEnterpriseId);
    expect(await idsOf('expert.001')).toEqual(expected);

    const absent = await as('expert.001', 'GET', `/api/enterprises/${ABSENT}`);
    expect(absent.statusCode).toBe(404);
    const refused = await as('expert.001', 'GET', `/api/enterprises/${unassigned.id}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toEqual(absent.json());
    expect(refused.body).not.toContain(unassigned.name);
    for (const id of expected) expect((await as('expert.001', 'GET', `/api/enterprises/${id}`)).statusCode).toBe(200);

    // Evaluation reads: the stored results and the self-assessment input, through the same scope.
    await runEvaluation(h, cookies['city.admin']);
    const own = await as('expert.001', 'GET', `/api/evaluations/enterprise/${demoEnterpriseId}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toEqual((await as('city.admin', 'GET', `/api/evaluations/enterprise/${demoEnterpriseId}`)).json());
    expect((await as('city.admin', 'GET', `/api/evaluations/enterprise/${unassigned.id}`)).statusCode).toBe(200);
    const other = await as('expert.001', 'GET', `/api/evaluations/enterprise/${unassigned.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual(absent.json());
    expect((await as('expert.001', 'GET', `/api/evaluations/input/${demoEnterpriseId}`)).statusCode).toBe(200);
    expect((await as('expert.001', 'GET', `/api/evaluations/input/${unassigned.id}`)).json()).toEqual(absent.json());
    // The export of the list goes through the same scope.
    const exported = await as('expert.001', 'GET', '/api/enterprises/export');
    expect(exported.statusCode).toBe(200);
  });

  it('lets an expert read, never change, an assigned enterprise', async () => {
    const before = await h.count('select max(version) as n from enterprises where id = $1', [demoEnterpriseId]);
    const patch = await as('expert.001', 'PATCH', `/api/enterprises/${demoEnterpriseId}`, { version: before, name: '专家改名测试公司' });
    expect(patch.statusCode, patch.body).toBe(403);
    const create = await as('expert.001', 'POST', '/api/enterprises', {
      uscc: '91500153MA5U7XXX0X',
      name: '专家新建测试',
      districtCode: '500153',
      industryCode: '35',
      establishedOn: '2010-01-01',
    });
    expect(create.statusCode, create.body).toBe(403);
    expect(await h.count('select version as n from enterprises where id = $1', [demoEnterpriseId])).toBe(before);
    expect((await as('expert.001', 'GET', '/api/evaluations/pool?tier=srdi')).statusCode).toBe(404);
  });

  it('covers a 专精特新 enterprise of an assigned district that becomes one later (the district is the assignment)', async () => {
    const [later] = await h.owner.query<{ id: string }>(
      "select id from enterprises where district_code = '500153' and current_tier is null limit 1",
    );
    expect((await as('expert.001', 'GET', `/api/enterprises/${later.id}`)).statusCode).toBe(404);
    await h.owner.query("update enterprises set current_tier = 'srdi' where id = $1", [later.id]);
    expect((await as('expert.001', 'GET', `/api/enterprises/${later.id}`)).statusCode).toBe(200);
    await h.owner.query('update enterprises set current_tier = null where id = $1', [later.id]);
    expect(await idsOf('expert.001')).toEqual(expected);
  });

  it('records a visit only for an assigned enterprise; the enterprise and its district officer get a message', async () => {
    const visits = () => h.count('select count(*) as n from expert_visits');
    const messages = () => h.count("select count(*) as n from messages where category = 'expert_visit'");
    const [visitsBefore, messagesBefore] = [await visits(), await messages()];
    const body = {
      visitedOn: '2026-01-15',
      form: 'onsite',
      topic: '测试走访主题甲',
      advice: '建议设立研发辅助账。',
      followUp: '一个月后回访',
    };

    const refused = await as('expert.001', 'POST', `/api/enterprises/${unassigned.id}/expert-visits`, body);
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toEqual((await as('expert.001', 'POST', `/api/enterprises/${ABSENT}/expert-visits`, body)).json());
    // Not an expert: refused write.
    expect((await as('rongchang.admin', 'POST', `/api/enterprises/${demoEnterpriseId}/expert-visits`, body)).statusCode).toBe(403);
    expect((await as('demo.enterprise', 'POST', `/api/enterprises/${demoEnterpriseId}/expert-visits`, body)).statusCode).toBe(403);
    const future = await as('expert.001', 'POST', `/api/enterprises/${demoEnterpriseId}/expert-visits`, {
      ...body,
      visitedOn: '2099-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toMatch(/服务日期/);
    expect([await visits(), await messages()]).toEqual([visitsBefore, messagesBefore]);

    const file = multipart(pdf('visit'), '走访记录.pdf');
    const uploaded = await h.app.inject({
      method: 'POST',
      url: '/api/files',
      payload: (await file).payload,
      headers: { ...(await file).headers, cookie: cookies['expert.001'] },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const fileId = uploaded.json().id as string;

    const recorded = await as('expert.001', 'POST', `/api/enterprises/${demoEnterpriseId}/expert-visits`, { ...body, fileIds: [fileId] });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ topic: '测试走访主题甲', formLabel: '现场', files: [{ id: fileId, name: '走访记录.pdf' }] });
    expect(await visits()).toBe(visitsBefore + 1);

    // The message centres (B's API) of the enterprise user and of 荣昌区's officer.
    for (const user of ['demo.enterprise', 'rongchang.admin']) {
      const inbox = await as(user, 'GET', '/api/messages?unread=true&category=expert_visit');
      expect(inbox.statusCode, inbox.body).toBe(200);
      const items = inbox.json().items as { title: string; body: string; link: string }[];
      expect(items.some((m) => m.body.includes('测试走访主题甲') && m.link === `/enterprises/${demoEnterpriseId}`)).toBe(true);
    }
    const yubeiInbox = (await as('yubei.admin', 'GET', '/api/messages?category=expert_visit')).json().items as { body: string }[];
    expect(yubeiInbox.some((m) => m.body.includes('测试走访主题甲'))).toBe(false);

    // Who sees the visit and its attachment: the enterprise, its district, the city, its author.
    for (const user of ['demo.enterprise', 'rongchang.admin', 'city.admin', 'expert.001']) {
      const list = await as(user, 'GET', `/api/enterprises/${demoEnterpriseId}/expert-visits`);
      expect(list.statusCode, `${user}: ${list.body}`).toBe(200);
      expect(list.json().items.map((v: { id: string }) => v.id)).toContain(recorded.json().id);
      expect((await as(user, 'GET', `/api/files/${fileId}`)).statusCode, user).toBe(200);
    }
    expect((await as('yubei.admin', 'GET', `/api/enterprises/${demoEnterpriseId}/expert-visits`)).statusCode).toBe(404);
    expect((await as('yubei.admin', 'GET', `/api/files/${fileId}`)).statusCode).toBe(404);
  });

  it("does not show another expert the first one's visits, even on an enterprise both serve", async () => {
    // expert.002 comes to serve 荣昌区 too.
    const detail = (await as('city.admin', 'GET', `/api/experts/${expert2Id}`)).json();
    const served = [...new Set([...detail.districts.map((d: { code: string }) => d.code), '500153'])];
    const put = await as('city.admin', 'PUT', `/api/experts/${expert2Id}`, {
      version: detail.version,
      name: detail.name,
      industryCode: detail.industryCode,
      organization: detail.organization,
      districtCodes: served,
      contactPhone: detail.contactPhone,
    });
    expect(put.statusCode, put.body).toBe(200);
    const assigned = await as('city.admin', 'POST', `/api/experts/${expert2Id}/assignments`, { kind: 'district', districtCode: '500153' });
    expect(assigned.statusCode, assigned.body).toBe(201);
    expect(assigned.json().assignment).toMatchObject({ kindLabel: '按区县', districtName: '荣昌区' });

    const list = await as('expert.002', 'GET', `/api/enterprises/${demoEnterpriseId}/expert-visits`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
    const [{ id: fileId }] = await h.database.query<{ id: string }>(
      "select f.id from files f where f.owner_type = 'expert_visit' order by f.created_at desc limit 1",
    );
    expect((await as('expert.002', 'GET', `/api/files/${fileId}`)).statusCode).toBe(404);
    expect((await as('expert.001', 'GET', `/api/enterprises/${demoEnterpriseId}/expert-visits`)).json().items.length).toBeGreaterThan(0);
  });

  it('refuses to assign an expert who declared a conflict with the enterprise (400, nothing written); a conflict removes the enterprise from a district assignment', async () => {
    const [giant] = await h.database.query<{ id: string; name: string }>(
      "select id, name from enterprises where current_tier = 'little_giant' limit 1",
    );
    const conflict = await as('city.admin', 'POST', `/api/experts/${expert2Id}/conflicts`, {
      enterpriseId: giant.id,
      reason: '曾在该企业任职',
    });
    expect(conflict.statusCode, conflict.body).toBe(201);
    const assignments = () => h.count('select count(*) as n from expert_assignments where expert_id = $1', [expert2Id]);
    const before = await assignments();
    const refused = await as('city.admin', 'POST', `/api/experts/${expert2Id}/assignments`, { kind: 'enterprise', enterpriseId: giant.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('EXPERT_CONFLICT_OF_INTEREST');
    expect(refused.json().message).toContain(giant.name);
    expect(refused.json().message).toMatch(/利益冲突/);
    expect(await assignments()).toBe(before);

    // Point-to-point is for 小巨人 only.
    const notGiant = await as('city.admin', 'POST', `/api/experts/${expert2Id}/assignments`, {
      kind: 'enterprise',
      enterpriseId: unassigned.id,
    });
    expect(notGiant.statusCode).toBe(400);
    expect(notGiant.json().code).toBe('EXPERT_ASSIGNMENT_NOT_LITTLE_GIANT');
    expect(await assignments()).toBe(before);

    // A district the expert does not serve.
    const notServed = await as('city.admin', 'POST', `/api/experts/${expert2Id}/assignments`, { kind: 'district', districtCode: '500101' });
    expect([400]).toContain(notServed.statusCode);

    // expert.002 serves 荣昌区 by district (previous test): a conflict with the demo enterprise takes it out of reach.
    expect((await as('expert.002', 'GET', `/api/enterprises/${demoEnterpriseId}`)).statusCode).toBe(200);
    const second = await as('city.admin', 'POST', `/api/experts/${expert2Id}/conflicts`, {
      enterpriseId: demoEnterpriseId,
      reason: '持有该企业股份',
    });
    expect(second.statusCode).toBe(201);
    expect((await as('expert.002', 'GET', `/api/enterprises/${demoEnterpriseId}`)).statusCode).toBe(404);
    expect(await idsOf('expert.002')).not.toContain(demoEnterpriseId);
    const visit = await as('expert.002', 'POST', `/api/enterprises/${demoEnterpriseId}/expert-visits`, {
      visitedOn: '2026-01-20',
      form: 'phone',
      topic: '回访',
      advice: '无',
    });
    expect(visit.statusCode).toBe(404);
  });

  it('lets only the city administrator manage the pool; a district officer or an expert is refused', async () => {
    const experts = () => h.count('select count(*) as n from experts');
    const before = await experts();
    const body = { name: '测试专家', industryCode: '39', organization: '重庆大学', districtCodes: ['500153'] };
    for (const user of ['rongchang.admin', 'expert.001', 'demo.enterprise']) {
      expect((await as(user, 'POST', '/api/experts', body)).statusCode, user).toBe(403);
      expect((await as(user, 'GET', '/api/experts')).statusCode, user).toBe(404);
      expect((await as(user, 'GET', `/api/experts/${expert2Id}`)).statusCode, user).toBe(404);
      expect(
        (await as(user, 'POST', `/api/experts/${expert2Id}/assignments`, { kind: 'district', districtCode: '500153' })).statusCode,
      ).toBe(403);
      expect(
        (await as(user, 'POST', `/api/experts/${expert2Id}/conflicts`, { enterpriseId: demoEnterpriseId, reason: 'x' })).statusCode,
      ).toBe(403);
    }
    expect(await experts()).toBe(before);

    const list = await as('city.admin', 'GET', '/api/experts?pageSize=200');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(114);
    const created = await as('city.admin', 'POST', '/api/experts', {
      ...body,
      contactPhone: '023-65100000',
      account: { username: 'expert.new', password: 'Zjtx-expert-2026!' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: '测试专家', industryName: expect.stringContaining('计算机'), username: 'expert.new' });
    expect(await h.count("select count(*) as n from users where username = 'expert.new' and role = 'expert'")).toBe(1);
    const badField = await as('city.admin', 'POST', '/api/experts', { ...body, industryCode: 'C' });
    expect(badField.statusCode).toBe(400);
    const unknownDistrict = await as('city.admin', 'POST', '/api/experts', { ...body, districtCodes: ['999999'] });
    expect(unknownDistrict.statusCode).toBe(400);
    expect(unknownDistrict.json().code).toBe('DISTRICT_UNKNOWN');
    expect(await experts()).toBe(before + 1);
  });

  it("gives an expert its own assignments (我的服务企业) and nobody else's", async () => {
    const me = await as('expert.001', 'GET', '/api/experts/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().assignments.some((a: { districtName: string }) => a.districtName === '荣昌区')).toBe(true);
    expect((await as('city.admin', 'GET', '/api/experts/me')).statusCode).toBe(404);
  });
});
