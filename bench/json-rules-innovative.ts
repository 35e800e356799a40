// The 2022 innovative-SME rule written for json-rules-engine, the common JavaScript rules engine,
// as a team would write it: facts for the figures, one rule per band that emits its points, and
// the pass rule over the summed points. Used only to compare speed and outcomes with our engine.
import { Engine, type RuleProperties } from 'json-rules-engine';
import type { EvaluationInput } from '../src/domain/evaluation/types.js';

type Band = [fact: string, operator: 'greaterThanInclusive' | 'lessThanInclusive', value: number, points: number, category: string];

// Shared edges go to the higher band: a band's rule also requires "not in the band above".
const BANDS: Band[][] = [
  [
    ['rdRatio', 'greaterThanInclusive', 5, 20, 'innovation'],
    ['rdRatio', 'greaterThanInclusive', 3, 15, 'innovation'],
    ['rdRatio', 'greaterThanInclusive', 2, 10, 'innovation'],
    ['rdRatio', 'greaterThanInclusive', 1, 5, 'innovation'],
  ],
  [
    ['mainGrowth', 'greaterThanInclusive', 15, 20, 'growth'],
    ['mainGrowth', 'greaterThanInclusive', 10, 15, 'growth'],
    ['mainGrowth', 'greaterThanInclusive', 5, 10, 'growth'],
    ['mainGrowth', 'greaterThanInclusive', 0, 5, 'growth'],
  ],
  [
    ['debtRatio', 'lessThanInclusive', 55, 10, 'growth'],
    ['debtRatio', 'lessThanInclusive', 75, 5, 'growth'],
  ],
  [
    ['mainShare', 'greaterThanInclusive', 70, 20, 'specialisation'],
    ['mainShare', 'greaterThanInclusive', 60, 15, 'specialisation'],
    ['mainShare', 'greaterThanInclusive', 55, 10, 'specialisation'],
    ['mainShare', 'greaterThanInclusive', 50, 5, 'specialisation'],
  ],
  [
    ['ipLevel', 'greaterThanInclusive', 4, 20, 'innovation'],
    ['ipLevel', 'greaterThanInclusive', 3, 15, 'innovation'],
    ['ipLevel', 'greaterThanInclusive', 2, 10, 'innovation'],
    ['ipLevel', 'greaterThanInclusive', 1, 5, 'innovation'],
  ],
  [
    ['strategicField', 'greaterThanInclusive', 1, 10, 'specialisation'],
    ['strategicField', 'lessThanInclusive', 0, 5, 'specialisation'],
  ],
];

function rules(): RuleProperties[] {
  const out: RuleProperties[] = [];
  for (const group of BANDS) {
    group.forEach(([fact, operator, value, points, category], i) => {
      const above = group
        .slice(0, i)
        .map(([f, op, v]) => ({ fact: f, operator: op === 'greaterThanInclusive' ? 'lessThan' : 'greaterThan', value: v }));
      out.push({ conditions: { all: [{ fact, operator, value }, ...above] }, event: { type: 'points', params: { points, category } } });
    });
  }
  out.push({
    conditions: {
      any: [
        { fact: 'directAward', operator: 'equal', value: true },
        { fact: 'highTech', operator: 'equal', value: true },
        { fact: 'provincialRd', operator: 'equal', value: true },
        { fact: 'equity3y', operator: 'greaterThanInclusive', value: 5_000_000 },
      ],
    },
    event: { type: 'direct' },
  });
  out.push({ conditions: { all: [{ fact: 'large', operator: 'equal', value: true }] }, event: { type: 'large' } });
  return out;
}

export function jsonRulesEngine(): Engine {
  const engine = new Engine(rules(), { allowUndefinedFacts: true });
  return engine;
}

/** The facts the rules read (ratios as floating-point per cent: that is what such an engine compares). */
export function factsOf(input: EvaluationInput, large: boolean): Record<string, unknown> {
  const year = Number(input.assessmentDate.slice(0, 4));
  const y0 = input.years.find((y) => y.year === year - 1);
  const y1 = input.years.find((y) => y.year === year - 2);
  const y2 = input.years.find((y) => y.year === year - 3);
  const e = input.enterprise;
  return {
    rdRatio: y0 && y0.revenue > 0 ? (y0.rdExpense / y0.revenue) * 100 : 0,
    mainGrowth: y0 && y1 && y1.mainRevenue > 0 ? ((y0.mainRevenue - y1.mainRevenue) / y1.mainRevenue) * 100 : -1,
    debtRatio: y0 && y0.totalAssets > 0 ? (y0.totalLiabilities / y0.totalAssets) * 100 : 101,
    mainShare: y0 && y0.revenue > 0 ? (y0.mainRevenue / y0.revenue) * 100 : 0,
    ipLevel: e.ip.classIHighValue >= 1 ? 4 : e.ip.classISelfDeveloped >= 1 ? 3 : e.ip.classI >= 1 ? 2 : e.ip.classII >= 1 ? 1 : 0,
    strategicField: e.mainProductField === 'strategic_emerging' ? 1 : 0,
    directAward: e.awards.some((a) => a.year >= year - 3 && a.year <= year),
    highTech: e.qualifications.highTech,
    provincialRd: e.rdInstitution === 'provincial' || e.rdInstitution === 'national',
    equity3y: y0 && y1 && y2 ? y0.equityFinancing + y1.equityFinancing + y2.equityFinancing : 0,
    large,
  };
}

export async function outcomeWithJsonRules(engine: Engine, facts: Record<string, unknown>): Promise<'qualified' | 'not_qualified'> {
  const { events } = await engine.run(facts);
  if (events.some((e) => e.type === 'large')) return 'not_qualified';
  if (events.some((e) => e.type === 'direct')) return 'qualified';
  const byCategory: Record<string, number> = { innovation: 0, growth: 0, specialisation: 0 };
  for (const e of events) if (e.type === 'points') byCategory[e.params?.category as string] += e.params?.points as number;
  const total = byCategory.innovation + byCategory.growth + byCategory.specialisation;
  return total >= 60 && byCategory.innovation >= 20 && byCategory.growth >= 15 && byCategory.specialisation >= 15
    ? 'qualified'
    : 'not_qualified';
}
