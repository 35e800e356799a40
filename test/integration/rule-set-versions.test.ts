import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInput } from '../../src/domain/evaluation/fixtures.js';
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
    expect(response.json().parameters).toContainEqual({ path: 'minRdRatio', shipped: 3, current: 3 });
    expect(response.json().parameters).toContainEqual({ path: 'direct.avgRd2y', shipped: 10_000_000, current: 10_000_000 });
  });

  it('shows how many outcomes would change, by district, before publishing, and changes nothing', async () => {
    const impact = await post(city, '/api/evaluations/rule-sets/innovative-2022/impact', { values: { passScore: 95 } });
    expect(impact.statusCode, impact.body).toBe(200);
    const body = impact.json();
    expect(body.evaluated).toBe(await h.count('select count(*) as n from enterprises'));
    expect(body.changed).toBe(
      body.districts.reduce(
        (s: number, d: { toQualified: number; toNotQualified: number; other: number }) => s + d.toQualified + d.toNotQualified + d.other,
        0,
      ),
    );
    expect(body.districts.every((d: { toQualified: number }) => d.toQualified === 0)).toBe(true);
    expect(await h.count('select count(*) as n from rule_set_versions')).toBe(0);
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
