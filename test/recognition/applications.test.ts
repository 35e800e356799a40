import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/domain/dates.js';
import { evaluateRuleSet } from '../../src/domain/evaluation/evaluate.js';
import { formToEvaluationInput } from '../../src/domain/recognition/form.js';
import { banUntil } from '../../src/domain/recognition/lifecycle.js';
import { addWorkingDays } from '../../src/domain/working-days.js';
import { loadCalendar } from '../../src/modules/calendar/load-calendar.js';
import type { ApplicationForm } from '../../src/modules/recognition/recognition.schemas.js';
import { multipart } from '../support/files.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

type Method = 'GET' | 'POST' | 'PUT';
const DAY = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const pdfBytes = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

describe.each(DATABASE_KINDS)('recognition applications, enterprise side, on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  let demoId: string;
  let otherId: string;
  const today = todayInShanghai();

  const as = (user: string, method: Method, url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { cookie: cookies[user] }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const act = (user: string, id: string, body: Record<string, unknown>) =>
    as(user, 'POST', `/api/recognition/applications/${id}/actions`, body);
  const save = (user: string, id: string, form: unknown, formVersion: number) =>
    as(user, 'PUT', `/api/recognition/applications/${id}/draft`, { form, formVersion });

  /** A round of `tier` open today (or as given), straight into the table (rounds are part B's). */
  async function round(
    tier: 'innovative' | 'srdi' | 'little_giant',
    o: { type?: 'new' | 'review'; opensOn?: string; closesOn?: string; ruleSet?: string; year?: number; days?: number } = {},
  ) {
    const ruleSet = o.ruleSet ?? { innovative: 'innovative-2022', srdi: 'srdi-2022', little_giant: 'little-giant-2022' }[tier];
    const [r] = await h.owner.query<{ id: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set, district_review_days)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [
        tier,
        o.type ?? 'new',
        o.year ?? Number(today.slice(0, 4)),
        `测试批次${Math.random().toString(36).slice(2, 8)}`,
        o.opensOn ?? shift(today, -10),
        o.closesOn ?? shift(today, 10),
        ruleSet,
        o.days ?? 6,
      ],
    );
    return r.id;
  }

  /** Everything a refused request must leave as it was. */
  const snapshot = async (id: string) =>
    h.owner.query(
      `select to_jsonb(a) - 'updated_at' as row,
         (select count(*)::int from recognition_history r where r.application_id = a.id) as history,
         (select count(*)::int from audit_log l where l.entity_id = a.id::text) as audit,
         (select count(*)::int from files f where f.owner_id = a.id::text) as files
       from recognition_applications a where a.id = $1`,
      [id],
    );

  /** The demo enterprise holding a valid 专精特新 title (and nothing else), as a small enterprise. */
  async function resetDemo() {
    await h.owner.query(
      'delete from recognition_history where application_id in (select id from recognition_applications where enterprise_id = $1)',
      [demoId],
    );
    await h.owner.query('delete from recognition_applications where enterprise_id = $1', [demoId]);
    await h.owner.query('delete from enterprise_titles where enterprise_id = $1', [demoId]);
    await h.owner.query(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status)
       values ($1, 'srdi', 'municipal', $2, $3, 'valid')`,
      [demoId, shift(today, -400), shift(today, 700)],
    );
    await h.owner.query("update enterprises set size_class = 'small', district_code = '500153', zone_code = null where id = $1", [demoId]);
  }

  async function create(roundId: string, user = 'demo.enterprise') {
    const response = await as(user, 'POST', '/api/recognition/applications', { roundId });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; form: ApplicationForm; formVersion: number };
  }

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise', 'expert.001']) cookies[u] = await h.login(u);
    [{ id: demoId }] = await h.owner.query<{ id: string }>("select enterprise_id as id from users where username = 'demo.enterprise'");
    // A second enterprise user, bound to another 荣昌区 enterprise.
    [{ id: otherId }] = await h.owner.query<{ id: string }>(
      "select id from enterprises where district_code = '500153' and id <> $1 order by id limit 1",
      [demoId],
    );
    const user = await as('city.admin', 'POST', '/api/users', {
      username: 'other.enterprise',
      displayName: '另一企业填报员',
      role: 'enterprise',
      enterpriseId: otherId,
      password: 'Other-ent-2026!',
    });
    expect(user.statusCode, user.body).toBe(201);
    // Set by an administrator: to be changed at the first login; as if the user had.
    await h.owner.query("update users set password_set_by = 'self' where username = 'other.enterprise'");
    cookies['other.enterprise'] = await h.login('other.enterprise', 'Other-ent-2026!');
  });
  afterAll(() => h?.close());

  it('creates a draft pre-filled from the registry, one per round; autosave keeps every tab and a reload restores it', async () => {
    await resetDemo();
    const roundId = await round('little_giant');
    const created = await create(roundId);
    const [registry] = await h.owner.query<{ name: string; uscc: string }>('select name, uscc from enterprises where id = $1', [demoId]);
    expect(created).toMatchObject({
      status: 'draft',
      statusLabel: '草稿',
      roundId,
      enterpriseId: demoId,
      tier: 'little_giant',
      formVersion: 1,
      frozen: null,
      // A fresh draft shows the live self-evaluation of its pre-filled form at once.
      evaluation: { tier: 'little_giant', outcome: expect.any(String) },
      allowedActions: ['submit', 'withdraw'],
      history: [{ action: 'create', actionLabel: '创建申报', toStatus: 'draft' }],
    });
    expect(created.form).toMatchObject({ basic: { name: registry.name, uscc: registry.uscc, districtCode: '500153' } });
    const years = created.form.operations.years.map((y) => y.year);
    const last = Number(today.slice(0, 4)) - 1;
    expect(years).toEqual([last - 2, last - 1, last]);
    expect(created.form.other.qualifications).toMatchObject({ srdiSme: true });

    const again = await as('demo.enterprise', 'POST', '/api/recognition/applications', { roundId });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'RECOGNITION_APPLICATION_EXISTS' });

    // Autosave: each tab, the version moving on; the live evaluation follows what was typed.
    const form = structuredClone(created.form);
    form.refinement = { ...form.refinement, digitalLevel: 1, description: '已建成数字化车间' };
    const first = await save('demo.enterprise', created.id, form, 1);
    expect(first.statusCode, first.body).toBe(200);
    const r1 = first.json();
    expect(r1).toMatchObject({ formVersion: 2, evaluation: { tier: 'little_giant', ruleSet: 'little-giant-2022' } });
    form.refinement.digitalLevel = 6;
    form.innovation = { ...form.innovation, ip: { classI: 12, classIHighValue: 3, classISelfDeveloped: 10, classII: 20 } };
    form.featured = { featuredScore: 12, description: '特色产品' };
    const second = await save('demo.enterprise', created.id, form, 2);
    expect(second.statusCode, second.body).toBe(200);
    const r2 = second.json();
    expect(r2.formVersion).toBe(3);
    // The live self-evaluation is the round's rule set applied to exactly this form.
    const expected = evaluateRuleSet(formToEvaluationInput(form, { type: 'new' }, today), 'little-giant-2022');
    expect(r2.evaluation).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(r2.evaluation).not.toEqual(r1.evaluation);

    // A reload restores what was typed.
    const reloaded = (await as('demo.enterprise', 'GET', `/api/recognition/applications/${created.id}`)).json();
    expect(reloaded.formVersion).toBe(3);
    expect(reloaded.form.refinement).toMatchObject({ digitalLevel: 6, description: '已建成数字化车间' });
    expect(reloaded.form.featured).toMatchObject({ featuredScore: 12, description: '特色产品' });
    expect(reloaded.formSavedAt).toBe(r2.formSavedAt);

    // Another tab still on version 2: refused, nothing changed.
    const before = await snapshot(created.id);
    const stale = await save('demo.enterprise', created.id, { ...form, featured: { featuredScore: 1 } }, 2);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'RECOGNITION_DRAFT_STALE' });
    expect(stale.json().message).toMatch(/其他页面保存/);
    expect(await snapshot(created.id)).toEqual(before);

    // Bad input in a tab: 400 in Chinese, nothing saved.
    const bad = await save('demo.enterprise', created.id, { ...form, featured: { featuredScore: 99 } }, 3);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/15 分/);
    expect(await snapshot(created.id)).toEqual(before);
  });

  it('attaches evidence per indicator; another user’s file is refused with nothing saved', async () => {
    await resetDemo();
    const created = await create(await round('little_giant'));
    const upload = async (user: string, name: string) => {
      const file = await multipart(pdfBytes(name), name);
      const response = await h.app.inject({
        method: 'POST',
        url: '/api/files',
        payload: file.payload,
        headers: { ...file.headers, cookie: cookies[user] },
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().id as string;
    };
    const mine = await upload('demo.enterprise', '知识产权证书.pdf');
    const theirs = await upload('other.enterprise', '别家证书.pdf');
    const before = await snapshot(created.id);
    const refused = await save('demo.enterprise', created.id, { ...created.form, evidence: { ip: [mine, theirs] } }, 1);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'FILE_NOT_FOUND' });
    expect(await snapshot(created.id)).toEqual(before);

    const saved = await save('demo.enterprise', created.id, { ...created.form, evidence: { ip: [mine] } }, 1);
    expect(saved.statusCode, saved.body).toBe(200);
    const detail = (await as('demo.enterprise', 'GET', `/api/recognition/applications/${created.id}`)).json();
    expect(detail.files).toEqual([
      { id: mine, name: '知识产权证书.pdf', size: expect.any(Number), type: 'application/pdf', indicatorId: 'ip' },
    ]);
    // Readable by the district officer through the application; not by another enterprise.
    expect((await as('rongchang.admin', 'GET', `/api/files/${mine}`)).statusCode).toBe(200);
    expect((await as('other.enterprise', 'GET', `/api/files/${mine}`)).statusCode).toBe(404);

    // A form that names another's file by any other way is refused at submission too, nothing changed.
    await h.owner.query(`update recognition_applications set form = jsonb_set(form, '{evidence}', $2::jsonb) where id = $1`, [
      created.id,
      JSON.stringify({ ip: [mine, theirs] }),
    ]);
    const beforeSubmit = await snapshot(created.id);
    const submit = await act('demo.enterprise', created.id, { action: 'submit', pledge: true });
    expect(submit.statusCode).toBe(400);
    expect(submit.json()).toMatchObject({ code: 'FILE_NOT_FOUND' });
    expect(await snapshot(created.id)).toEqual(beforeSubmit);
  });

  it('submits: window, pledge, freezes registry + form + evaluation, district due date in working days, tells the district', async () => {
    await resetDemo();
    const closesOn = shift(today, 3);
    const roundId = await round('little_giant', { closesOn, days: 6 });
    const created = await create(roundId);

    for (const pledge of [false, undefined]) {
      const before = await snapshot(created.id);
      const response = await act('demo.enterprise', created.id, { action: 'submit', ...(pledge === undefined ? {} : { pledge }) });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'RECOGNITION_PLEDGE_REQUIRED', details: { field: 'pledge' } });
      expect(response.json().message).toMatch(/真实性声明/);
      expect(await snapshot(created.id)).toEqual(before);
    }

    const messagesBefore = await h.count(
      "select count(*) as n from messages m join users u on u.id = m.user_id where u.username = 'rongchang.admin' and m.category = 'recognition'",
    );
    const submitted = await act('demo.enterprise', created.id, { action: 'submit', pledge: true });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const detail = submitted.json();
    const expectedDue = addWorkingDays(await loadCalendar(h.database.db), closesOn, 6).date;
    expect(detail).toMatchObject({
      status: 'submitted',
      statusLabel: '待区县初审',
      districtDueOn: expectedDue,
      overdue: false,
      allowedActions: ['withdraw'],
      evaluation: { tier: 'little_giant', ruleSet: 'little-giant-2022' },
      frozen: {
        registry: { id: demoId, districtCode: '500153', sizeClass: 'small' },
        form: { basic: { uscc: created.form.basic && (created.form.basic as { uscc: string }).uscc } },
      },
    });
    expect(detail.submittedAt).toEqual(expect.any(String));
    expect(detail.history.map((e: { action: string }) => e.action)).toEqual(['create', 'submit']);
    const [row] = await h.owner.query<{ outcome: string; pledged: boolean; score: number | null }>(
      'select outcome, pledged_at is not null as pledged, score from recognition_applications where id = $1',
      [created.id],
    );
    expect(row).toMatchObject({ outcome: detail.evaluation.outcome, pledged: true });
    expect(await h.count("select count(*) as n from audit_log where entity_id = $1 and action = 'recognition.submit'", [created.id])).toBe(
      1,
    );
    expect(
      await h.count(
        "select count(*) as n from messages m join users u on u.id = m.user_id where u.username = 'rongchang.admin' and m.category = 'recognition'",
      ),
    ).toBe(messagesBefore + 1);

    // Submitted: the form is no longer editable.
    const edit = await save('demo.enterprise', created.id, created.form, detail.formVersion);
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('RECOGNITION_NOT_EDITABLE');

    // A registry edit after submission leaves the frozen data as it was; officers see both.
    await h.owner.query("update enterprises set name = name || '（更名）', size_class = 'medium' where id = $1", [demoId]);
    const later = (await as('rongchang.admin', 'GET', `/api/recognition/applications/${created.id}`)).json();
    expect(later.frozen).toEqual(detail.frozen);
    expect(later.frozen.registry.name).not.toMatch(/更名/);
    const current = await as('rongchang.admin', 'GET', `/api/recognition/applications/${created.id}/current`);
    expect(current.statusCode, current.body).toBe(200);
    expect(current.json()).toMatchObject({ id: demoId, sizeClass: 'medium', name: expect.stringMatching(/（更名）$/) });
    expect(current.json()).not.toHaveProperty('history');
    await h.owner.query("update enterprises set name = replace(name, '（更名）', '') where id = $1", [demoId]);
  });

  it('refuses outside the window (create and submit) with the dates, nothing changed', async () => {
    await resetDemo();
    const later = await round('little_giant', { opensOn: shift(today, 5), closesOn: shift(today, 20) });
    const early = await as('demo.enterprise', 'POST', '/api/recognition/applications', { roundId: later });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'RECOGNITION_ROUND_CLOSED', details: { opensOn: shift(today, 5) } });
    expect(early.json().message).toMatch(/申报时间/);

    const roundId = await round('little_giant');
    const created = await create(roundId);
    await h.owner.query('update recognition_rounds set closes_on = $2 where id = $1', [roundId, shift(today, -1)]);
    const before = await snapshot(created.id);
    const response = await act('demo.enterprise', created.id, { action: 'submit', pledge: true });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'RECOGNITION_ROUND_CLOSED', details: { closesOn: shift(today, -1) } });
    expect(await snapshot(created.id)).toEqual(before);
    // The detail no longer offers submit.
    expect((await as('demo.enterprise', 'GET', `/api/recognition/applications/${created.id}`)).json().allowedActions).toEqual(['withdraw']);
  });

  it('submitted twice at once: exactly one succeeds, one history row and one audit row', async () => {
    await resetDemo();
    const created = await create(await round('little_giant'));
    const answers = await Promise.all([
      act('demo.enterprise', created.id, { action: 'submit', pledge: true }),
      act('demo.enterprise', created.id, { action: 'submit', pledge: true }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json().code).toBe('RECOGNITION_ACTION_NOT_ALLOWED');
    expect(
      await h.count("select count(*) as n from recognition_history where application_id = $1 and action = 'submit'", [created.id]),
    ).toBe(1);
    expect(await h.count("select count(*) as n from audit_log where entity_id = $1 and action = 'recognition.submit'", [created.id])).toBe(
      1,
    );
  });

  it('explains ineligibility in the rules’ words, nothing changed', async () => {
    await resetDemo();
    // Holds 专精特新 already: may not apply for it again.
    const srdi = await create(await round('srdi'));
    const before = await snapshot(srdi.id);
    const again = await act('demo.enterprise', srdi.id, { action: 'submit', pledge: true });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'RECOGNITION_NOT_ELIGIBLE' });
    expect(again.json().details.reasons).toEqual(['本企业已持有有效的专精特新中小企业称号，不能重复申报专精特新中小企业']);
    expect(await snapshot(srdi.id)).toEqual(before);

    // 小巨人 without a valid 专精特新 (expired), as a large enterprise.
    const lg = await create(await round('little_giant'));
    await h.owner.query("update enterprise_titles set status = 'expired', valid_until = $2 where enterprise_id = $1", [
      demoId,
      shift(today, -1),
    ]);
    await h.owner.query("update enterprises set size_class = 'large' where id = $1", [demoId]);
    const refused = await act('demo.enterprise', lg.id, { action: 'submit', pledge: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.reasons).toEqual([
      '按《中小企业划型标准规定》本企业为大型企业，不属于中小企业，不能申报',
      '申报专精特新“小巨人”企业须持有有效的专精特新中小企业称号',
    ]);
    expect(refused.json().message).toMatch(/^不符合申报条件：/);

    // 专精特新 under the 2026 rules: 创新型 or 科技型中小企业; neither held.
    await h.owner.query("update enterprises set size_class = 'small' where id = $1", [demoId]);
    await h.owner.query('delete from enterprise_titles where enterprise_id = $1', [demoId]);
    const srdi2026 = await create(await round('srdi', { ruleSet: 'srdi-2026' }));
    const noBase = await act('demo.enterprise', srdi2026.id, { action: 'submit', pledge: true });
    expect(noBase.statusCode).toBe(400);
    expect(noBase.json().details.reasons).toEqual([
      '按 2026-04-01 起施行的认定办法，申报专精特新中小企业须为有效的创新型中小企业或科技型中小企业',
    ]);
    // …a valid 科技型中小企业 qualification opens it.
    await h.owner.query(
      `insert into enterprise_honours (enterprise_id, kind, name, obtained_on, valid_until) values ($1, 'tech_sme', '科技型中小企业', $2, $3)`,
      [demoId, shift(today, -30), shift(today, 300)],
    );
    expect((await act('demo.enterprise', srdi2026.id, { action: 'submit', pledge: true })).statusCode).toBe(200);
    await h.owner.query("delete from enterprise_honours where enterprise_id = $1 and kind = 'tech_sme'", [demoId]);
  });

  it('refuses a banned enterprise (create and submit) with the end of the ban', async () => {
    await resetDemo();
    const created = await create(await round('little_giant'));
    const revokedOn = shift(today, -200);
    await h.owner.query(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status, revoked_on, revocation_category, revocation_reason)
       values ($1, 'innovative', 'municipal', $2, $3, 'revoked', $4, 'data_falsification', '申报数据造假')`,
      [demoId, shift(today, -900), shift(today, 100), revokedOn],
    );
    const until = banUntil(revokedOn, 3);
    const before = await snapshot(created.id);
    const submit = await act('demo.enterprise', created.id, { action: 'submit', pledge: true });
    expect(submit.statusCode).toBe(400);
    expect(submit.json()).toMatchObject({ code: 'RECOGNITION_BANNED', details: { until } });
    expect(submit.json().message).toContain(until);
    expect(await snapshot(created.id)).toEqual(before);
    const create2 = await as('demo.enterprise', 'POST', '/api/recognition/applications', { roundId: await round('srdi') });
    expect(create2.statusCode).toBe(400);
    expect(create2.json()).toMatchObject({ code: 'RECOGNITION_BANNED', details: { until } });
  });

  it('withdraws from draft and from submitted; not twice', async () => {
    await resetDemo();
    const draft = await create(await round('little_giant'));
    const w1 = await act('demo.enterprise', draft.id, { action: 'withdraw' });
    expect(w1.statusCode, w1.body).toBe(200);
    expect(w1.json()).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回', allowedActions: [] });
    const twice = await act('demo.enterprise', draft.id, { action: 'withdraw' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('RECOGNITION_ACTION_NOT_ALLOWED');
    expect(twice.json().message).toMatch(/已撤回/);

    const sub = await create(await round('little_giant'));
    expect((await act('demo.enterprise', sub.id, { action: 'submit', pledge: true })).statusCode).toBe(200);
    const w2 = await act('demo.enterprise', sub.id, { action: 'withdraw' });
    expect(w2.statusCode).toBe(200);
    expect(w2.json().history.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'withdraw']);
    expect(await h.count("select count(*) as n from audit_log where entity_id = $1 and action = 'recognition.withdraw'", [sub.id])).toBe(1);
  });

  it('复核: the expiring title is put under review on submission, back to valid on withdrawal; missed annual updates refuse', async () => {
    await resetDemo();
    const year = Number(today.slice(0, 4));
    // A 专精特新 title recognised three years ago, ending this year.
    await h.owner.query('delete from enterprise_titles where enterprise_id = $1', [demoId]);
    const validUntil = `${year}-12-30`;
    const [title] = await h.owner.query<{ id: string }>(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status)
       values ($1, 'srdi', 'municipal', $2, $3, 'valid') returning id`,
      [demoId, `${year - 3}-12-31`, validUntil],
    );
    // Every annual update made on time.
    for (const dataYear of [year - 3, year - 2, year - 1])
      await h.owner.query('insert into annual_updates (enterprise_id, data_year, on_time) values ($1, $2, true) on conflict do nothing', [
        demoId,
        dataYear,
      ]);
    const roundId = await round('srdi', { type: 'review', year });
    const created = await create(roundId);
    const submitted = await act('demo.enterprise', created.id, { action: 'submit', pledge: true });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const status = async () =>
      (await h.owner.query<{ status: string }>('select status from enterprise_titles where id = $1', [title.id]))[0].status;
    expect(await status()).toBe('under_review');
    expect(
      await h.count('select count(*) as n from recognition_applications where id = $1 and reviewed_title_id = $2', [created.id, title.id]),
    ).toBe(1);
    expect((await act('demo.enterprise', created.id, { action: 'withdraw' })).statusCode).toBe(200);
    expect(await status()).toBe('valid');

    // A missed annual update: not eligible for 复核, the year named.
    await h.owner.query('delete from annual_updates where enterprise_id = $1', [demoId]);
    const other = await create(await round('srdi', { type: 'review', year }));
    const refused = await act('demo.enterprise', other.id, { action: 'submit', pledge: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('RECOGNITION_NOT_ELIGIBLE');
    expect(refused.json().details.reasons.join('')).toMatch(/年度信息/);
    expect(await status()).toBe('valid');

    // Not in the cohort at all: no title ending this year.
    await h.owner.query('update enterprise_titles set valid_until = $2 where id = $1', [title.id, `${year + 2}-06-30`]);
    const outside = await act('demo.enterprise', other.id, { action: 'submit', pledge: true });
    expect(outside.json().details.reasons).toEqual([`本企业没有在 ${year} 年到期的有效专精特新中小企业称号，不在本次复核范围内`]);
  });

  it('returned with a reason: the enterprise edits and resubmits; the history names the office, the audit the person', async () => {
    await resetDemo();
    const created = await create(await round('little_giant'));
    expect((await act('demo.enterprise', created.id, { action: 'submit', pledge: true })).statusCode).toBe(200);
    const returned = await act('city.admin', created.id, { action: 'return', reasonCode: 'incomplete', reason: '请补充知识产权证书' });
    expect(returned.statusCode, returned.body).toBe(200);
    const seen = (await as('demo.enterprise', 'GET', `/api/recognition/applications/${created.id}`)).json();
    expect(seen).toMatchObject({
      status: 'returned',
      returnReasonLabel: '材料不全',
      returnReason: '请补充知识产权证书',
      allowedActions: ['submit', 'withdraw'],
    });
    expect(seen.history.map((e: { actorName: string }) => e.actorName)).toEqual(['企业填报员', '企业填报员', '市经信委']);
    expect(JSON.stringify(seen)).not.toContain('市经信委管理员');
    const [audit] = await h.owner.query<{ actorName: string }>(
      'select actor_name as "actorName" from audit_log where entity_id = $1 and action = \'recognition.return\'',
      [created.id],
    );
    expect(audit.actorName).toBe('市经信委管理员（city.admin）');

    const edited = await save(
      'demo.enterprise',
      created.id,
      { ...seen.form, featured: { featuredScore: 10, description: '补充说明' } },
      seen.formVersion,
    );
    expect(edited.statusCode, edited.body).toBe(200);
    const again = await act('demo.enterprise', created.id, { action: 'submit', pledge: true });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      status: 'submitted',
      frozen: { form: { featured: { featuredScore: 10, description: '补充说明' } } },
    });
  });

  it('refuses bad input with a code and a Chinese message, nothing changed', async () => {
    await resetDemo();
    const created = await create(await round('little_giant'));
    const before = await snapshot(created.id);
    const form = created.form;
    const cases: [string, string, unknown][] = [
      ['PUT', 'draft', { form: { ...form, basic: { ...form.basic, unknownField: 1 } }, formVersion: 1 }],
      ['PUT', 'draft', { form: { ...form, operations: { years: [{ year: 2025, revenue: 1.5 }] } }, formVersion: 1 }],
      ['PUT', 'draft', { form: { ...form, operations: { years: [{ year: 2025, revenue: 1e30 }] } }, formVersion: 1 }],
      ['PUT', 'draft', { form: { ...form, evidence: { ip: ['not-an-id'] } }, formVersion: 1 }],
      ['PUT', 'draft', { form: { ...form, basic: { ...form.basic, name: '名\u202E称' } }, formVersion: 1 }],
      ['PUT', 'draft', { form, formVersion: 0 }],
      ['PUT', 'draft', { form }],
      ['POST', 'actions', { action: 'publish' }],
      ['POST', 'actions', { action: 'submit', pledge: 'yes' }],
    ];
    for (const [method, path, body] of cases) {
      const response = await as('demo.enterprise', method as Method, `/api/recognition/applications/${created.id}/${path}`, body);
      expect(response.statusCode, `${path} ${JSON.stringify(body).slice(0, 120)}`).toBe(400);
      expect(response.json().code).toEqual(expect.any(String));
      expect(response.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await snapshot(created.id)).toEqual(before);
    const absentRound = await as('demo.enterprise', 'POST', '/api/recognition/applications', {
      roundId: '00000000-0000-4000-8000-000000000000',
    });
    expect(absentRound.statusCode).toBe(404);
    expect((await as('demo.enterprise', 'POST', '/api/recognition/applications', { roundId: 'x' })).statusCode).toBe(400);
    expect((await as('demo.enterprise', 'GET', '/api/recognition/applications/not-an-id')).statusCode).toBe(400);
  });

  it('refuses the wrong actors: another enterprise and an unassigned expert 404, an officer 403, nothing changed', async () => {
    await resetDemo();
    const created = await create(await round('little_giant'));
    const url = `/api/recognition/applications/${created.id}`;
    const before = await snapshot(created.id);
    const absent = (await as('other.enterprise', 'GET', '/api/recognition/applications/00000000-0000-4000-8000-000000000000')).json();
    for (const user of ['other.enterprise', 'expert.001', 'yubei.admin']) {
      const read = await as(user, 'GET', url);
      expect(read.statusCode, user).toBe(404);
      expect(read.json()).toEqual(absent);
      expect((await act(user, created.id, { action: 'submit', pledge: true })).statusCode, user).toBe(404);
      expect((await save(user, created.id, created.form, 1)).statusCode, user).toBe(404);
      expect((await as(user, 'GET', `${url}/pdf`)).statusCode, user).toBe(404);
    }
    for (const user of ['rongchang.admin', 'city.admin']) {
      expect((await as(user, 'GET', url)).statusCode).toBe(200);
      const submit = await act(user, created.id, { action: 'submit', pledge: true });
      expect(submit.statusCode, user).toBe(403);
      expect(submit.json().message).toMatch(/只有申报企业本身/);
      expect((await act(user, created.id, { action: 'withdraw' })).statusCode, user).toBe(403);
      expect((await save(user, created.id, created.form, 1)).statusCode, user).toBe(403);
      expect((await as(user, 'POST', '/api/recognition/applications', { roundId: created.id })).statusCode).toBe(403);
    }
    // The registry's current data is for officers.
    expect((await as('demo.enterprise', 'GET', `${url}/current`)).statusCode).toBe(404);
    expect((await as('yubei.admin', 'GET', `${url}/current`)).statusCode).toBe(404);
    expect(await snapshot(created.id)).toEqual(before);
    // Not signed in.
    expect((await h.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('prints the 申报书 as a PDF for whoever may read the application', async () => {
    await resetDemo();
    const created = await create(await round('little_giant'));
    await act('demo.enterprise', created.id, { action: 'submit', pledge: true });
    for (const user of ['demo.enterprise', 'rongchang.admin']) {
      const pdf = await as(user, 'GET', `/api/recognition/applications/${created.id}/pdf`);
      expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.rawPayload.length).toBeGreaterThan(5_000);
      // The CJK font is embedded (subset).
      expect(pdf.rawPayload.toString('latin1')).toMatch(/NotoSansCJK/);
    }
  });
});

describe('the 申报书 PDF without a CJK font', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite', { pdfFont: '/nonexistent/font.ttc' });
  });
  afterAll(() => h?.close());

  it('answers 503 PDF_FONT_MISSING in Chinese', async () => {
    const cookie = await h.login('demo.enterprise');
    const [{ id: enterpriseId }] = await h.owner.query<{ id: string }>(
      "select enterprise_id as id from users where username = 'demo.enterprise'",
    );
    const [{ id }] = await h.owner.query<{ id: string }>(
      `with r as (insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set)
         values ('srdi', 'new', 2026, '无字体测试批次', current_date - 1, current_date + 1, 'srdi-2022') returning id)
       insert into recognition_applications (round_id, enterprise_id, district_code, tier)
       select r.id, $1, '500153', 'srdi' from r returning id`,
      [enterpriseId],
    );
    const response = await h.app.inject({ method: 'GET', url: `/api/recognition/applications/${id}/pdf`, headers: { cookie } });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'PDF_FONT_MISSING' });
    expect(response.json().message).toMatch(/中文字体/);
  });
});
