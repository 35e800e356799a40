// The monitoring benchmark's generated data (bench/monitoring-data.ts) must be what the benchmark says
// it is: reports that pass the hard checks month after month (else its PUTs and its import measure
// refusals), mostly free of soft checks, valid and unique credit codes, and COPY lines of the right width.
import { describe, expect, it } from 'vitest';
import { dueOn, ENTERPRISE_COLUMNS, Population, periodsUpTo, REPORT_COLUMNS } from '../../bench/monitoring-data.js';
import { runChecks } from '../../src/domain/monitoring/checks.js';
import { MONITORING_DEFAULTS } from '../../src/domain/monitoring/settings.js';
import { checkUscc } from '../../src/domain/uscc.js';

const TODAY = '2026-12-01';

describe('monitoring benchmark data', () => {
  const population = new Population(400, TODAY, 4242, 200);
  const periods = periodsUpTo(TODAY, 36);

  it('has the 36 periods up to the current month, oldest first, due on the 10th of the next month', () => {
    expect(periods[0]).toEqual({ year: 2024, month: 1 });
    expect(periods[35]).toEqual({ year: 2026, month: 12 });
    expect(dueOn({ year: 2026, month: 12 })).toBe('2027-01-10');
  });

  it('gives reports that pass every hard check against last month and last year, few soft ones', () => {
    let soft = 0;
    let total = 0;
    for (let i = 0; i < population.n; i++) {
      for (const p of periods.slice(12)) {
        const { industrial, ...values } = population.values(i, p);
        const lastMonth = p.month > 1 ? population.values(i, { year: p.year, month: p.month - 1 }) : null;
        const lastYear = population.values(i, { year: p.year - 1, month: p.month });
        const checks = runChecks(values, { month: p.month, lastMonth, lastYear, industrial, settings: MONITORING_DEFAULTS });
        expect(checks.filter((c) => c.level === 'hard')).toEqual([]);
        if (checks.length) soft++;
        total++;
      }
    }
    expect(soft / total).toBeLessThan(0.15);
  });

  it('sends a revision that still passes the hard checks (the PUT of the benchmark)', () => {
    const p = { year: 2026, month: 12 };
    for (let i = 0; i < population.n; i++) {
      const { industrial, ...values } = population.values(i, p, 1.05);
      const checks = runChecks(values, {
        month: 12,
        lastMonth: population.values(i, { year: 2026, month: 11 }),
        lastYear: population.values(i, { year: 2025, month: 12 }),
        industrial,
        settings: MONITORING_DEFAULTS,
      });
      expect(checks.filter((c) => c.level === 'hard')).toEqual([]);
    }
  });

  it('writes valid, unique credit codes and COPY lines as wide as their columns', () => {
    const codes = new Set<string>();
    for (let i = 0; i < population.n; i++) {
      const code = population.uscc(i);
      expect(checkUscc(code)).toBeNull();
      codes.add(code);
    }
    expect(codes.size).toBe(population.n);
    const enterprise = population.enterpriseLines().next().value as string;
    expect(enterprise.replace(/\n$/, '').split('\t')).toHaveLength(ENTERPRISE_COLUMNS.length);
    const report = population.reportLines({ year: 2026, month: 1 }).next().value as string;
    expect(report.replace(/\n$/, '').split('\t')).toHaveLength(REPORT_COLUMNS.length);
  });
});
