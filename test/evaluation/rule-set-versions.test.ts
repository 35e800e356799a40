import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInput } from '../../src/domain/evaluation/fixtures.js';
import { runEvaluation } from '../support/evaluation.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

describe.each(DATABASE_KINDS)('correcting rule-set parameters on %s', (kind) => {
  let h: Harness;
  let city: string;
  let rongchang: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    city = await h.login('city.admin');
    rongchang = await h.login('rongchang.admin');
  });
  afterAll(() => h.close());

  const post = (cookie: string, url: string, payload: unknown) =>
    h.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object });

  it('lists the numeric parameters with shipped and current values', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: '/api/evaluations/rule-sets/srdi-2022/parameters',
      headers: { cookie: city },
    });
    expect(response.json().version).toBe(1);
    expect(response.json().parameters).toContainEqual({
      path: 'minRdRatio',
      label: '研发费用占营业收入比重下限（%）',
      shipped: 3,
      current: 3,
    });
    expect(response.json().parameters).toContainEqual({
      path: 'direct.avgRd2y',
      label: '直通条件：近两年研发费用平均（万元）',
      shipped: 10_000_000,
      current: 10_000_000,
    });
  });

  it('says so when the rule set has no stored results yet', async () => {
    const body = (await post(city, '/api/evaluations/rule-sets/innovative-2022/impact', { values: { passScore: 95 } })).json();
    expect(body).toMatchObject({ stored: 0, evaluated: 0, changed: 0, outdated: 0, districts: [] });
  });

  it('shows how many stored results would change, by district and tier, before publishing, and changes nothing', async () => {
    await runEvaluation(h, city, { assessmentDate: '2026-11-22' });
    const stored = await h.count("select count(*) as n from evaluation_results where tier = 'innovative'");
    const resultsBefore = await h.count("select count(*) as n from evaluation_results where outcome = 'qualified'");
    // A new application on 2026-11-22 is judged by the 2026 bottom tier, which runs the 2022 innovative table.
    const impact = await post(city, '/api/evaluations/rule-sets/innovative-2022/impact', { values: { passScore: 95 } });
    expect(impact.statusCode, impact.body).toBe(200);
    const body = impact.json();
    expect(body).toMatchObject({ ruleSet: 'innovative-2022', stored, evaluated: stored, outdated: 0 });
    type Row = { tier: string; toQualified: number; toNotQualified: number; other: number };
    expect(body.changed).toBe(body.districts.reduce((s: number, d: Row) => s + d.toQualified + d.toNotQualified + d.other, 0));
    // A higher pass mark only takes qualifications away.
    expect(body.changed).toBeGreaterThan(0);
    expect(body.districts.every((d: Row) => d.toQualified === 0 && d.tier === 'innovative')).toBe(true);
    // Lowering the pass mark instead only adds qualifications.
    const relaxed = (await post(city, '/api/evaluations/rule-sets/innovative-2022/impact', { values: { passScore: 0 } })).json();
    expect(relaxed.districts.every((d: Row) => d.toNotQualified === 0)).toBe(true);
    expect(await h.count('select count(*) as n from rule_set_versions')).toBe(0);
    expect(await h.count("select count(*) as n from evaluation_results where outcome = 'qualified'")).toBe(resultsBefore);
  });

  it('counts a result whose enterprise changed since the run as outdated, not as changed by the correction', async () => {
    // A qualified enterprise grows into a large one after the run: its stored outcome no longer holds.
    const [{ id }] = await h.database.query<{ id: string }>(
      "select enterprise_id as id from evaluation_results where tier = 'innovative' and outcome = 'qualified' limit 1",
    );
    await h.database.query(
      'update enterprise_years set employees = 100000, revenue = 1e12, main_revenue = 1e12, total_assets = 1e12 where enterprise_id = $1',
      [id],
    );
    const body = (await post(city, '/api/evaluations/rule-sets/innovative-2022/impact', { values: { passScore: 95 } })).json();
    expect(body.outdated).toBe(1);
  });

  it('refuses a district officer', async () => {
    expect((await post(rongchang, '/api/evaluations/rule-sets/innovative-2022/impact', { values: { passScore: 95 } })).statusCode).toBe(
      403,
    );
  });

  it('publishes a version (audited) that evaluations then use and name', async () => {
    const published = await post(city, '/api/evaluations/rule-sets/innovative-2022/versions', {
      values: { passScore: 95 },
      note: '测试：提高及格线',
    });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toEqual({ ruleSet: 'innovative-2022', version: 2 });
    expect(await h.count("select count(*) as n from audit_log where action = 'ruleset.publish' and entity_id = 'innovative-2022@v2'")).toBe(
      1,
    );
    const preview = (
      await h.app.inject({ method: 'POST', url: '/api/evaluations/preview', payload: { ...sampleInput(), applicationType: 'review' } })
    ).json();
    const innovative = preview.results.find((r: { tier: string }) => r.tier === 'innovative');
    expect(innovative.ruleSet).toBe('innovative-2022@v2');
    expect(innovative.conditions.find((c: { id: string }) => c.id === 'pass').detail).toMatch(/≥95|直通/);
    // The rule tables show the version in force, with the corrected number.
    const tables = (await h.app.inject({ method: 'GET', url: '/api/evaluations/rule-sets', headers: { cookie: rongchang } })).json();
    const table = tables.find((t: { id: string }) => t.id === 'innovative-2022');
    expect(table.version).toBe(2);
    expect(table.rows.find((r: { name: string }) => r.name === '评价得分').rule).toContain('总分 ≥95');
    expect(tables.find((t: { id: string }) => t.id === 'srdi-2022').version).toBe(1);
  });

  it('corrects a band of a table, and refuses a table put out of order against the published version, writing nothing', async () => {
    const parameters = (
      await h.app.inject({ method: 'GET', url: '/api/evaluations/rule-sets/innovative-2022/parameters', headers: { cookie: city } })
    ).json();
    expect(parameters.parameters).toContainEqual({
      path: 'rdRatioBands.1.percent',
      label: '研发费用占营业收入比重 第 2 档 门槛（%）',
      shipped: 3,
      current: 3,
    });
    const band = await post(city, '/api/evaluations/rule-sets/innovative-2022/versions', {
      values: { 'rdRatioBands.1.percent': 2.5 },
      note: '测试：第 2 档门槛',
    });
    expect(band.json()).toEqual({ ruleSet: 'innovative-2022', version: 3 });
    // 2 % would now sit above the corrected 2.5 %: the third band could never be reached.
    const versions = await h.count('select count(*) as n from rule_set_versions');
    for (const [url, note] of [
      ['/api/evaluations/rule-sets/innovative-2022/impact', undefined],
      ['/api/evaluations/rule-sets/innovative-2022/versions', 'x'],
    ]) {
      const refused = await post(city, url as string, { values: { 'rdRatioBands.2.percent': 2.6 }, note });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'PARAMETER_BANDS_ORDER', details: { tables: ['研发费用占营业收入比重'] } });
      expect(refused.json().message).toContain('研发费用占营业收入比重');
    }
    expect(await h.count('select count(*) as n from rule_set_versions')).toBe(versions);
  });

  it('refuses a district officer, an unknown parameter and a negative value', async () => {
    expect(
      (await post(rongchang, '/api/evaluations/rule-sets/srdi-2022/versions', { values: { minRdRatio: 4 }, note: 'x' })).statusCode,
    ).toBe(403);
    expect((await post(city, '/api/evaluations/rule-sets/srdi-2022/impact', { values: { noSuchThing: 1 } })).json().code).toBe(
      'PARAMETER_UNKNOWN',
    );
    expect((await post(city, '/api/evaluations/rule-sets/srdi-2022/impact', { values: { minRdRatio: -1 } })).json().code).toBe(
      'PARAMETER_INVALID',
    );
    expect((await post(city, '/api/evaluations/rule-sets/nope/impact', { values: { a: 1 } })).statusCode).toBe(404);
  });
});
