import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/domain/dates.js';
import { banUntil, titleValidUntil } from '../../src/domain/recognition/lifecycle.js';
import { addCalendarDays } from '../../src/domain/recognition/rounds.js';
import { periodEnd } from '../../src/domain/working-days.js';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.js';
import { findBan } from '../../src/modules/recognition/find-ban.js';
import type { AppContext } from '../../src/server/context.js';
import { DAILY_SWEEP_STEPS } from '../../src/server/sweeps.js';
import { readXlsx } from '../support/files.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

type Method = 'GET' | 'POST';
interface Enterprise {
  id: string;
  name: string;
  uscc: string;
}

describe.each(DATABASE_KINDS)('公示, 公告, titles, revocation and expiry on %s', (kind) => {
  let h: Harness;
  let ctx: AppContext;
  const cookies: Record<string, string> = {};
  const today = todayInShanghai();
  let pool: Enterprise[];
  let used = 0;
  let demo: Enterprise;
  const as = (user: string, method: Method, url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { cookie: cookies[user] }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const next = (n: number) => {
    const out = pool.slice(used, used + n);
    used += n;
    if (out.length < n) throw new Error('out of enterprises');
    return out;
  };

  async function round(extra: { type?: 'new' | 'review'; tier?: string; year?: number } = {}): Promise<string> {
    const [r] = await h.owner.query<{ id: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set, opening_notified_at)
       values ($3, $2, $4, $1, $5::date - 90, $5::date - 60, 'srdi-2022', now()) returning id`,
      [`测试批次 ${Math.random().toString(36).slice(2, 8)}`, extra.type ?? 'new', extra.tier ?? 'srdi', extra.year ?? 2026, today],
    );
    return r.id;
  }
  async function application(roundId: string, e: Enterprise, status: string, reviewedTitleId: string | null = null): Promise<string> {
    const [a] = await h.owner.query<{ id: string }>(
      `insert into recognition_applications (round_id, enterprise_id, district_code, zone_code, tier, status, score, submitted_at, reviewed_title_id)
       select $1, e.id, e.district_code, e.zone_code, r.tier, $3, 80, now(), $4 from enterprises e, recognition_rounds r
       where e.id = $2 and r.id = $1 returning id`,
      [roundId, e.id, status, reviewedTitleId],
    );
    return a.id;
  }
  /** A 公示 that started long enough ago to be over (recorded after the fact). */
  const pastPublicity = (roundId: string, ids: string[]) =>
    as('city.admin', 'POST', `/api/recognition/rounds/${roundId}/publicity`, {
      startsOn: addCalendarDays(today, -30),
      applicationIds: ids,
    });
  const statusOf = async (id: string) =>
    (await h.owner.query<{ status: string }>('select status from recognition_applications where id = $1', [id]))[0].status;
  const snapshot = (roundId: string) =>
    h.owner.query(
      `select (select to_jsonb(r) - 'updated_at' from recognition_rounds r where r.id = $1) as round,
         (select jsonb_agg(jsonb_build_object('id', a.id, 'status', a.status, 'v', a.version) order by a.id) from recognition_applications a where a.round_id = $1) as items,
         (select count(*)::int from recognition_history h join recognition_applications a on a.id = h.application_id where a.round_id = $1) as history,
         (select count(*)::int from enterprise_titles) as titles,
         (select count(*)::int from messages) as messages,
         (select count(*)::int from audit_log) as audit`,
      [roundId],
    );

  beforeAll(async () => {
    h = await startHarness(kind);
    ctx = { database: h.database, db: h.database.db, config: h.config };
    for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise']) cookies[u] = await h.login(u);
    pool = await h.owner.query<Enterprise>(
      `select e.id, e.name, e.uscc from enterprises e
       where e.current_tier = 'innovative' and e.district_code <> '500112' and e.zone_code is distinct from '500112' and not exists (select 1 from users u where u.enterprise_id = e.id)
         and not exists (select 1 from enterprise_titles t where t.enterprise_id = e.id and t.tier = 'srdi') order by e.id limit 40`,
    );
    [demo] = await h.owner.query<Enterprise>(
      'select e.id, e.name, e.uscc from enterprises e join users u on u.enterprise_id = e.id where u.username = $1',
      ['demo.enterprise'],
    );
  });
  afterAll(() => h?.close());

  it('starts a 公示 today or earlier, never later; its end in working days; the items move with history; wrong actors refused', async () => {
    const roundId = await round();
    const [a, b] = next(2);
    const ids = [await application(roundId, a, 'city_approved'), await application(roundId, b, 'city_approved')];
    const other = await application(roundId, next(1)[0], 'district_approved');
    const before = await snapshot(roundId);
    const future = await as('city.admin', 'POST', `/api/recognition/rounds/${roundId}/publicity`, {
      startsOn: addCalendarDays(today, 1),
      applicationIds: ids,
    });
    expect(future.statusCode, future.body).toBe(400);
    expect(future.json().code).toBe('RECOGNITION_DATE_IN_FUTURE');
    const notApproved = await as('city.admin', 'POST', `/api/recognition/rounds/${roundId}/publicity`, {
      startsOn: today,
      applicationIds: [...ids, other],
    });
    expect(notApproved.statusCode, notApproved.body).toBe(409);
    expect(notApproved.json().details.refused).toEqual([expect.objectContaining({ id: other })]);
    for (const user of ['rongchang.admin', 'demo.enterprise']) {
      const r = await as(user, 'POST', `/api/recognition/rounds/${roundId}/publicity`, { startsOn: today, applicationIds: ids });
      expect(r.statusCode, r.body).toBe(403);
    }
    const announceEarly = await as('city.admin', 'POST', `/api/recognition/rounds/${roundId}/announce`, {
      announcedOn: today,
      documentNo: '渝经信发〔2026〕1号',
    });
    expect(announceEarly.json().code).toBe('RECOGNITION_PUBLICITY_NOT_STARTED');
    expect(await snapshot(roundId)).toEqual(before);

    const started = await as('city.admin', 'POST', `/api/recognition/rounds/${roundId}/publicity`, {
      startsOn: today,
      applicationIds: ids,
    });
    expect(started.statusCode, started.body).toBe(200);
    const cal = await loadCalendar(h.database.db);
    expect(started.json().endsOn).toBe(periodEnd(cal, today, 5).date);
    for (const id of ids) expect(await statusOf(id)).toBe('in_publicity');
    expect(await statusOf(other)).toBe('district_approved');
    const [{ n }] = await h.owner.query<{ n: number }>(
      "select count(*)::int as n from recognition_history where action = 'publicity' and to_status = 'in_publicity' and application_id = any($1::uuid[])",
      [ids],
    );
    expect(n).toBe(2);
    expect(await h.count("select count(*) as n from audit_log where action = 'recognition.publicity' and entity_id = any($1)", [ids])).toBe(
      2,
    );
    const round2 = (await as('city.admin', 'GET', `/api/recognition/rounds/${roundId}`)).json();
    expect(round2).toMatchObject({ phase: 'publicity', publicityStartsOn: today, publicityEndsOn: started.json().endsOn });
    expect(round2.counts.in_publicity).toBe(2);

    // The list in the published notice's layout, JSON and xlsx; a district sees its own only.
    const list = await as('city.admin', 'GET', `/api/recognition/rounds/${roundId}/publicity-list`);
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list
        .json()
        .items.map((i: { uscc: string }) => i.uscc)
        .sort(),
    ).toEqual([a.uscc, b.uscc].sort());
    expect(list.json().items[0]).toMatchObject({
      districtName: expect.stringMatching(/[区县]$/),
      objection: 'none',
      status: 'in_publicity',
    });
    expect((await as('yubei.admin', 'GET', `/api/recognition/rounds/${roundId}/publicity-list`)).json().items).toEqual([]);
    expect((await as('demo.enterprise', 'GET', `/api/recognition/rounds/${roundId}/publicity-list`)).statusCode).toBe(404);
    const xlsx = await as('city.admin', 'GET', `/api/recognition/rounds/${roundId}/publicity-list.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const rows = await readXlsx(xlsx.rawPayload);
    expect(rows[1]).toEqual(['序号', '企业名称', '区县', '统一社会信用代码']);
    expect(
      rows
        .slice(2)
        .map((r) => r[3])
        .sort(),
    ).toEqual([a.uscc, b.uscc].sort());

    // Announcing before the day after the end: 409, nothing changed.
    const snap = await snapshot(roundId);
    const early = await as('city.admin', 'POST', `/api/recognition/rounds/${roundId}/announce`, {
      announcedOn: today,
      documentNo: '渝经信发〔2026〕1号',
    });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().code).toBe('RECOGNITION_PUBLICITY_NOT_OVER');
    expect(early.json().message).toContain(started.json().endsOn);
    expect(await snapshot(roundId)).toEqual(snap);
    const again = await as('city.admin', 'POST', `/api/recognition/rounds/${roundId}/publicity`, { startsOn: today, applicationIds: ids });
    expect(again.json().code).toBe('RECOGNITION_PUBLICITY_STARTED');
  });

  it('announces: an open objection blocks; an upheld one is not recognised; titles valid 3 years less a day; one message each', async () => {
    const roundId = await round();
    const [a, b, c] = next(3);
    const ids = [
      await application(roundId, a, 'city_approved'),
      await application(roundId, b, 'city_approved'),
      await application(roundId, c, 'city_approved'),
    ];
    const demoApp = await application(roundId, demo, 'city_approved');
    const started = await pastPublicity(roundId, [...ids, demoApp]);
    expect(started.statusCode, started.body).toBe(200);
    const [city] = await h.owner.query<{ id: string }>("select id from users where username = 'city.admin'");
    const [objection] = await h.owner.query<{ id: string }>(
      `insert into recognition_objections (application_id, channel, objector_name, objector_contact, facts, received_on, recorded_by)
       values ($1, 'phone', '张三', '13800000000', '研发费用与实际不符', $2, $3) returning id`,
      [ids[2], today, city.id],
    );
    const body = { announcedOn: today, documentNo: '渝经信发〔2026〕88号' };
    const before = await snapshot(roundId);
    const blocked = await as('city.admin', 'POST', `/api/recognition/rounds/${roundId}/announce`, body);
    expect(blocked.statusCode, blocked.body).toBe(409);
    expect(blocked.json().code).toBe('RECOGNITION_OBJECTION_OPEN');
    expect(blocked.json().message).toContain(c.name);
    expect(await snapshot(roundId)).toEqual(before);
    expect((await as('rongchang.admin', 'POST', `/api/recognition/rounds/${roundId}/announce`, body)).statusCode).toBe(403);
    expect(
      (await as('city.admin', 'POST', `/api/recognition/rounds/${roundId}/announce`, { ...body, announcedOn: addCalendarDays(today, 1) }))
        .statusCode,
    ).toBe(400);
    const list = (await as('city.admin', 'GET', `/api/recognition/rounds/${roundId}/publicity-list`)).json();
    expect(list.items.find((i: { applicationId: string }) => i.applicationId === ids[2]).objection).toBe('open');

    await h.owner.query(
      "update recognition_objections set status = 'upheld', finding_reason = '核实属实', found_at = now() where id = $1",
      [objection.id],
    );
    const demoMessages = () =>
      h.count(
        "select count(*) as n from messages m join users u on u.id = m.user_id where u.username = 'demo.enterprise' and m.title like '认定结果%'",
      );
    const announced = await as('city.admin', 'POST', `/api/recognition/rounds/${roundId}/announce`, body);
    expect(announced.statusCode, announced.body).toBe(200);
    expect(announced.json()).toEqual({ recognised: 3, notRecognised: 1 });
    expect(await statusOf(ids[2])).toBe('not_recognised');
    const titles = await h.owner.query<{
      enterprise_id: string;
      recognised_on: string;
      valid_until: string;
      document_no: string;
      certificate_no: string;
      level: string;
      status: string;
      source: string;
      application_id: string;
    }>(
      `select t.enterprise_id, t.recognised_on::text, t.valid_until::text, t.document_no, t.certificate_no, t.level, t.status, t.source, t.application_id
       from enterprise_titles t where t.application_id in (select id from recognition_applications where round_id = $1) order by t.certificate_no`,
      [roundId],
    );
    expect(titles.map((t) => t.enterprise_id).sort()).toEqual([a.id, b.id, demo.id].sort());
    for (const t of titles) {
      expect(t).toMatchObject({
        recognised_on: today,
        valid_until: titleValidUntil(today),
        document_no: body.documentNo,
        level: 'municipal',
        status: 'valid',
        source: 'recognition',
      });
      expect(t.certificate_no).toMatch(new RegExp(`^CQ-ZJTX-${today.slice(0, 4)}-\\d{5}$`));
    }
    expect(new Set(titles.map((t) => t.certificate_no)).size).toBe(3);
    const [{ until }] = await h.owner.query<{ until: string }>(
      "select ($1::date + interval '3 years' - interval '1 day')::date::text as until",
      [today],
    );
    expect(titles[0].valid_until).toBe(until);
    // The items carry their titles; the registry shows them with the document number; current tier follows.
    const [app] = await h.owner.query<{ status: string; title_id: string }>(
      'select status, title_id from recognition_applications where id = $1',
      [ids[0]],
    );
    expect(app.status).toBe('recognised');
    expect(titles.map((t) => t.application_id)).toContain(ids[0]);
    const detail = (await as('city.admin', 'GET', `/api/enterprises/${a.id}`)).json();
    expect(detail.currentTier).toBe('srdi');
    expect(detail.titles.find((t: { id: string }) => t.id === app.title_id)).toMatchObject({
      documentNo: body.documentNo,
      validUntil: titleValidUntil(today),
      status: 'valid',
    });
    const [{ n: history }] = await h.owner.query<{ n: number }>(
      "select count(*)::int as n from recognition_history where action = 'announce' and application_id = any($1::uuid[])",
      [[...ids, demoApp]],
    );
    expect(history).toBe(4);
    // The history names the office for everyone who reads it (the audit row keeps the person).
    const [{ actor_name }] = await h.owner.query<{ actor_name: string }>(
      "select actor_name from recognition_history where action = 'announce' and application_id = $1",
      [ids[0]],
    );
    expect(actor_name).toBe('市经信委');
    expect(
      await h.count("select count(*) as n from audit_log where action = 'recognition.announce' and entity_id = any($1)", [
        [...ids, demoApp],
      ]),
    ).toBe(4);
    expect(await demoMessages()).toBe(1);
    // Once: a second announcement is refused and sends nothing.
    const twice = await as('city.admin', 'POST', `/api/recognition/rounds/${roundId}/announce`, body);
    expect(twice.json().code).toBe('RECOGNITION_ROUND_ANNOUNCED');
    expect(await demoMessages()).toBe(1);
    expect((await as('city.admin', 'GET', `/api/recognition/rounds/${roundId}`)).json()).toMatchObject({
      phase: 'announced',
      documentNo: body.documentNo,
    });
  });

  it('复核: the passed title ends the day before the new one; a title whose 复核 failed leaves 复核中', async () => {
    const roundId = await round({ type: 'review' });
    const [a, b] = next(2);
    const old = async (e: Enterprise) =>
      (
        await h.owner.query<{ id: string }>(
          `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status, source)
           values ($1, 'srdi', 'municipal', $2::date - interval '3 years' + interval '20 days', $2::date + 20, 'under_review', 'import') returning id`,
          [e.id, today],
        )
      )[0].id;
    const [ta, tb] = [await old(a), await old(b)];
    const pass = await application(roundId, a, 'city_approved', ta);
    await application(roundId, b, 'city_rejected', tb);
    expect((await pastPublicity(roundId, [pass])).statusCode).toBe(200);
    const r = await as('city.admin', 'POST', `/api/recognition/rounds/${roundId}/announce`, {
      announcedOn: today,
      documentNo: '渝经信发〔2026〕99号',
    });
    expect(r.statusCode, r.body).toBe(200);
    const rows = await h.owner.query<{ id: string; status: string; ended_on: string | null }>(
      'select id, status, ended_on::text from enterprise_titles where id = any($1::uuid[])',
      [[ta, tb]],
    );
    expect(rows.find((t) => t.id === ta)).toMatchObject({ status: 'expired', ended_on: addCalendarDays(today, -1) });
    expect(rows.find((t) => t.id === tb)).toMatchObject({ status: 'valid', ended_on: null });
    expect(
      await h.count("select count(*) as n from enterprise_titles where enterprise_id = $1 and status = 'valid' and tier = 'srdi'", [a.id]),
    ).toBe(1);
  });

  it('revokes a title (city only; twice 409); 数据造假 bars every tier for 3 years, and A refuses the application with details.until', async () => {
    const [title] = await h.owner.query<{ id: string; tier: string }>(
      "select id, tier from enterprise_titles where enterprise_id = $1 and status = 'valid' order by recognised_on desc limit 1",
      [demo.id],
    );
    const url = `/api/enterprises/${demo.id}/titles/${title.id}/revoke`;
    const body = { category: 'data_falsification', reason: '申报材料中研发费用数据造假', revokedOn: today };
    const titleRow = () => h.owner.query('select to_jsonb(t) as t from enterprise_titles t where id = $1', [title.id]);
    const before = await titleRow();
    for (const user of ['rongchang.admin', 'demo.enterprise']) expect((await as(user, 'POST', url, body)).statusCode).toBe(403);
    const wrongEnterprise = await as('city.admin', 'POST', `/api/enterprises/${pool[0].id}/titles/${title.id}/revoke`, body);
    expect(wrongEnterprise.statusCode).toBe(404);
    expect((await as('city.admin', 'POST', url, { ...body, revokedOn: addCalendarDays(today, 1) })).statusCode).toBe(400);
    expect(await titleRow()).toEqual(before);
    expect(await findBan(h.database.db, demo.id, 'innovative', today)).toBeNull();

    // A second title held: 数据造假 (117号) cancels it too.
    const otherTier = title.tier === 'innovative' ? 'srdi' : 'innovative';
    await h.owner.query(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status, source)
       values ($1, $2, 'municipal', $3::date - 100, $3::date + 900, 'valid', 'import') on conflict do nothing`,
      [demo.id, otherTier, today],
    );
    const messagesBefore = await h.count(
      "select count(*) as n from messages m join users u on u.id = m.user_id where u.username = 'demo.enterprise'",
    );
    const r = await as('city.admin', 'POST', url, body);
    expect(r.statusCode, r.body).toBe(200);
    expect(
      await h.count("select count(*) as n from enterprise_titles where enterprise_id = $1 and status in ('valid', 'under_review')", [
        demo.id,
      ]),
    ).toBe(0);
    expect(
      await h.count(
        "select count(*) as n from enterprise_titles where enterprise_id = $1 and tier = $2 and revocation_category = 'data_falsification'",
        [demo.id, otherTier],
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(r.json()).toMatchObject({
      id: title.id,
      status: 'revoked',
      revokedOn: today,
      revocationCategory: 'data_falsification',
      banUntil: banUntil(today, 3),
    });
    expect(
      await h.count("select count(*) as n from messages m join users u on u.id = m.user_id where u.username = 'demo.enterprise'"),
    ).toBe(messagesBefore + 1);
    expect(await h.count("select count(*) as n from audit_log where action = 'title.revoke' and entity_id = $1", [title.id])).toBe(1);
    const twice = await as('city.admin', 'POST', url, body);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('TITLE_ALREADY_REVOKED');
    for (const tier of ['innovative', 'srdi', 'little_giant'] as const)
      expect(await findBan(h.database.db, demo.id, tier, today)).toEqual({ until: banUntil(today, 3), category: 'data_falsification' });
    expect(await findBan(h.database.db, demo.id, 'srdi', banUntil(today, 3))).toBeNull();

    // Through A's route: the banned enterprise cannot start an application in an open round.
    const [open] = await h.owner.query<{ id: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set, opening_notified_at)
       values ('innovative', 'new', 2026, '禁入测试批次', $1::date - 1, $1::date + 30, 'innovative-2022', now()) returning id`,
      [today],
    );
    const refused = await as('demo.enterprise', 'POST', '/api/recognition/applications', { roundId: open.id });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'RECOGNITION_BANNED', details: { until: banUntil(today, 3) } });
    expect(await h.count('select count(*) as n from recognition_applications where round_id = $1', [open.id])).toBe(0);
    const rounds = (await as('demo.enterprise', 'GET', '/api/recognition/rounds')).json().items as {
      id: string;
      eligibility: { eligible: boolean; reasons: string[] };
    }[];
    expect(rounds.find((x) => x.id === open.id)?.eligibility.reasons.join()).toContain(banUntil(today, 3));
  });

  it('小巨人: recommends the 复审通过 items (list exported), then closes them against the imported MIIT list', async () => {
    const roundId = await round({ tier: 'little_giant' });
    const [a, b] = next(2);
    const [ia, ib] = [await application(roundId, a, 'city_approved'), await application(roundId, b, 'city_approved')];
    const url = (step: string) => `/api/recognition/rounds/${roundId}/${step}`;
    expect(
      (await as('city.admin', 'POST', url('announce'), { announcedOn: today, documentNo: '工信部企业函〔2026〕1号' })).json().code,
    ).toBe('RECOGNITION_LITTLE_GIANT_ANNOUNCE');
    expect((await as('city.admin', 'POST', url('close'), { closedOn: today })).json().code).toBe('RECOGNITION_NOT_RECOMMENDED');
    expect((await as('city.admin', 'POST', url('recommend'), { recommendedOn: addCalendarDays(today, 1) })).statusCode).toBe(400);
    const recommended = await as('city.admin', 'POST', url('recommend'), { recommendedOn: today });
    expect(recommended.statusCode, recommended.body).toBe(200);
    expect(recommended.json()).toEqual({ recommended: 2 });
    expect(await statusOf(ia)).toBe('city_approved');
    expect(
      await h.count("select count(*) as n from recognition_history where action = 'recommend' and application_id = any($1::uuid[])", [
        [ia, ib],
      ]),
    ).toBe(2);
    expect((await as('city.admin', 'POST', url('recommend'), { recommendedOn: today })).json().code).toBe('RECOGNITION_ROUND_RECOMMENDED');
    const xlsx = await as('city.admin', 'GET', url('recommended.xlsx'));
    expect(xlsx.statusCode).toBe(200);
    expect(
      (await readXlsx(xlsx.rawPayload))
        .slice(2)
        .map((r) => r[3])
        .sort(),
    ).toEqual([a.uscc, b.uscc].sort());
    // MIIT's published list, as the title-list import records it: a alone.
    const [miit] = await h.owner.query<{ id: string }>(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status, source)
       values ($1, 'little_giant', 'national', $2::date, $3::date, 'valid', 'import') returning id`,
      [a.id, today, titleValidUntil(today)],
    );
    const closed = await as('city.admin', 'POST', url('close'), { closedOn: today });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toEqual({ recognised: 1, notRecognised: 1 });
    const rows = await h.owner.query<{ id: string; status: string; title_id: string | null }>(
      'select id, status, title_id from recognition_applications where id = any($1::uuid[])',
      [[ia, ib]],
    );
    expect(rows.find((r) => r.id === ia)).toMatchObject({ status: 'recognised', title_id: miit.id });
    expect(rows.find((r) => r.id === ib)).toMatchObject({ status: 'not_recognised', title_id: null });
    expect((await as('city.admin', 'POST', url('close'), { closedOn: today })).json().code).toBe('RECOGNITION_ROUND_ENDED');
    expect((await as('city.admin', 'GET', `/api/recognition/rounds/${roundId}`)).json().phase).toBe('closed');
  });

  it('expires titles past their validity in the daily sweep; a title under 复核 stays valid', async () => {
    const [a, b] = next(2);
    const insert = (e: Enterprise, status: string) =>
      h.owner.query<{ id: string }>(
        `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status, source)
         values ($1, 'srdi', 'municipal', $2::date - interval '3 years', $2::date - 1, $3, 'import') returning id`,
        [e.id, today, status],
      );
    const [[ended], [reviewed]] = [await insert(a, 'valid'), await insert(b, 'under_review')];
    // b's innovative title ends too, so the sweep recomputes b's tier: the srdi title under 复核 holds it.
    await h.owner.query(
      "update enterprise_titles set valid_until = $2::date - 1 where enterprise_id = $1 and tier = 'innovative' and status = 'valid'",
      [b.id, today],
    );
    await h.owner.query("update enterprises set current_tier = 'srdi' where id = any($1::uuid[])", [[a.id, b.id]]);
    const step = DAILY_SWEEP_STEPS.find((s) => s.name === 'recognition.title-expiry');
    expect(step).toBeDefined();
    await step?.run(ctx, `${today}T01:00:00+08:00`);
    const rows = await h.owner.query<{ id: string; status: string; ended_on: string | null }>(
      'select id, status, ended_on::text from enterprise_titles where id = any($1::uuid[])',
      [[ended.id, reviewed.id]],
    );
    expect(rows.find((t) => t.id === ended.id)).toMatchObject({ status: 'expired', ended_on: addCalendarDays(today, -1) });
    expect(rows.find((t) => t.id === reviewed.id)).toMatchObject({ status: 'under_review', ended_on: null });
    const tiers = await h.owner.query<{ id: string; current_tier: string | null }>(
      'select id, current_tier from enterprises where id = any($1::uuid[])',
      [[a.id, b.id]],
    );
    expect(tiers.find((e) => e.id === a.id)?.current_tier).toBe('innovative');
    // The title under 复核 holds its tier past its end until the result.
    expect(tiers.find((e) => e.id === b.id)?.current_tier).toBe('srdi');
    expect(await h.count("select count(*) as n from audit_log where action = 'title.expire' and entity_id = $1", [ended.id])).toBe(1);
  });
});
