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

  it('refuses figures that contradict each other', async () => {
    const input = sampleInput();
    input.years[0].mainRevenue = input.years[0].revenue + 1;
    const response = await preview(input);
    expect(response.json()).toMatchObject({ code: 'MAIN_REVENUE_ABOVE_REVENUE' });
  });
});
