import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInput } from '../../src/domain/evaluation/fixtures.js';
import { type Harness, startHarness } from '../support/harness.js';

describe('the public evaluation calculator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite');
  });
  afterAll(() => h.close());

  const preview = (payload: unknown) => h.app.inject({ method: 'POST', url: '/api/evaluations/preview', payload: payload as object });

  it('answers the contract body without a login, one result per tier, and stores nothing', async () => {
    const before = await h.count('select count(*) as n from audit_log');
    const response = await preview(sampleInput());
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.sizeClass).toBe('small');
    expect(body.results.map((r: { tier: string }) => r.tier)).toEqual(['innovative', 'srdi', 'little_giant']);
    for (const r of body.results) {
      expect(r.ruleSet).toMatch(/2018|2022|2026/);
      expect(['qualified', 'not_qualified', 'needs_review']).toContain(r.outcome);
      expect(Array.isArray(r.conditions) && Array.isArray(r.missing) && Array.isArray(r.indicators)).toBe(true);
    }
    expect(await h.count('select count(*) as n from audit_log')).toBe(before);
  });

  it('uses the 2022 tables for a 复核 and explains every indicator', async () => {
    const body = (await preview({ ...sampleInput(), applicationType: 'review' })).json();
    const srdi = body.results.find((r: { tier: string }) => r.tier === 'srdi');
    expect(srdi.ruleSet).toBe('srdi-2022');
    expect(srdi.score).toBeGreaterThan(0);
    expect(srdi.indicators.every((i: { source: string; band: string }) => i.source.includes('63号') || i.source.includes('渝经信'))).toBe(
      true,
    );
  });

  it.each([
    [{ assessmentDate: '2026-13-01' }, 'assessmentDate'],
    [{ applicationType: 'renewal' }, 'applicationType'],
    [{ years: [] }, 'years'],
    [{ unknown: 1 }, 'unknown'],
  ])('refuses %o and names the field', async (change, field) => {
    const response = await preview({ ...sampleInput(), ...change });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.fields[0].field).toBe(field);
  });

  it('shows every rule set as tables to a logged-in user, built from the parameters the engine runs on', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/evaluations/rule-sets' })).statusCode).toBe(401);
    const cookie = await h.login('rongchang.admin');
    const sets = (await h.app.inject({ method: 'GET', url: '/api/evaluations/rule-sets', headers: { cookie } })).json();
    expect(sets.map((s: { id: string }) => s.id)).toEqual([
      'innovative-2022',
      'srdi-2022',
      'little-giant-2022',
      'bottom-2026',
      'srdi-2026',
      'little-giant-2026',
      'little-giant-2018',
    ]);
    const srdi = sets.find((s: { id: string }) => s.id === 'srdi-2022');
    expect(srdi.rows.find((r: { name: string }) => r.name === '上年研发费用').rule).toBe('≥100 万元且占营业收入 ≥3%');
    expect(srdi.rows.find((r: { name: string }) => r.name.startsWith('净利润率')).rule).toBe(
      '≥10% 得 10 分；≥8% 得 8 分；≥6% 得 6 分；≥4% 得 4 分；≥2% 得 2 分；其余 0 分',
    );
  });

  it('refuses figures that contradict each other', async () => {
    const input = sampleInput();
    input.years[0].mainRevenue = input.years[0].revenue + 1;
    const response = await preview(input);
    expect(response.json()).toMatchObject({ code: 'MAIN_REVENUE_ABOVE_REVENUE' });
  });
});
