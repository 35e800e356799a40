import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { sampleInput, withEnterprise, withYear } from './fixtures.js';
import { reachOf } from './pool-reach.js';
import type { TierResult } from './types.js';

const innovative = (input = sampleInput()) => evaluate(input).results.find((r) => r.tier === 'innovative') as TierResult;

describe('the pool: what counts as within reach', () => {
  // Neither standard of the 2026 bottom tier met: no direct path, weak figures.
  const weak = withEnterprise(withYear(sampleInput(), 2025, { rdExpense: 0, rdStaff: 0 }), {
    rdInstitution: 'none',
    awards: [],
    ip: { classI: 0, classIHighValue: 0, classISelfDeveloped: 0, classII: 0 },
  });
  it('takes a 2026 bottom-tier result a few points short of the innovative score', () => {
    const r = innovative(weak); // 55 points: 5 short
    expect(r.ruleSet).toBe('bottom-2026');
    expect(r.outcome).toBe('not_qualified');
    const stored = reachOf(r);
    expect(stored.failed).toEqual(['standard']);
    expect(stored.gap).toBeLessThanOrEqual(5);
    expect(stored.withinReach).toBe(true);
  });
  it('leaves out one far from the score, though only the "standard" condition failed', () => {
    const r = innovative(withYear(weak, 2025, { mainRevenue: 46_000_000 }));
    const stored = reachOf(r);
    expect(stored.failed).toEqual(['standard']);
    expect(stored.gap).toBeGreaterThan(5);
    expect(stored.withinReach).toBe(false);
  });
  it('measures the gap against the pass score in force, not a fixed 60', () => {
    const r = innovative(weak);
    const corrections = { 'innovative-2022': { version: 2, values: { passScore: 50 } } };
    const relaxed = evaluate(weak, corrections).results.find((t) => t.tier === 'innovative') as TierResult;
    expect(reachOf(r).gap).toBe(Math.max(0, 60 - (r.score ?? 0)));
    const raised = { 'innovative-2022': { version: 2, values: { passScore: 70 } } };
    const strict = evaluate(weak, raised).results.find((t) => t.tier === 'innovative') as TierResult;
    expect(reachOf(strict, raised).gap).toBe(70 - (strict.score ?? 0));
    expect(reachOf(strict, raised).withinReach).toBe(false);
    expect(reachOf(relaxed, corrections).gap).toBe(Math.max(0, 50 - (relaxed.score ?? 0)));
  });
  it('takes every qualified result, and never a large enterprise', () => {
    expect(reachOf(innovative()).withinReach).toBe(true);
    const large = withYear(sampleInput(), 2025, { employees: 5000, revenue: 900_000_000, mainRevenue: 850_000_000 });
    expect(reachOf(innovative(large)).withinReach).toBe(false);
  });
});
