import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateScores, selectRuleSet } from './evaluate.js';
import { compareProducts, compoundGrowthAtLeast, meanGrowthAtLeast, ratioAtLeast } from './exact.js';
import { sampleInput, withEnterprise, withYear } from './fixtures.js';
import { disorderedBands, numericParameters, parameterLabel, SHIPPED_PARAMETERS } from './parameters.js';
import type { EvaluationInput, Tier, TierResult } from './types.js';

const review2022 = (input: EvaluationInput): EvaluationInput => ({ ...input, applicationType: 'review' });
const result = (input: EvaluationInput, tier: Tier): TierResult => evaluate(input).results.find((r) => r.tier === tier) as TierResult;
const points = (input: EvaluationInput, tier: Tier, indicator: string) =>
  result(input, tier).indicators.find((i) => i.id === indicator)?.points;
const condition = (input: EvaluationInput, tier: Tier, id: string) => result(input, tier).conditions.find((c) => c.id === id)?.status;
// The 2022 tables, as a 复核 in 2026 uses them.
const base = review2022(sampleInput());

describe('exact arithmetic at the edges', () => {
  it('compares products beyond 2^53 exactly', () => {
    // x² and (x+1)(x−1) = x² − 1 are both above 2^53, where doubles cannot tell them apart.
    const x = 94_906_267;
    expect(x * x === (x + 1) * (x - 1)).toBe(true);
    expect(compareProducts(x, x, x + 1, x - 1)).toBe(1);
    expect(compareProducts(x + 1, x - 1, x, x)).toBe(-1);
    expect(compareProducts(x, x + 1, x + 1, x)).toBe(0);
    expect(ratioAtLeast(3, 100, 3)).toBe(true);
    expect(ratioAtLeast(2_999_999, 100_000_000, 3)).toBe(false);
    expect(ratioAtLeast(125, 1000, 12.5)).toBe(true);
  });
  it('means two yearly rates and compounds two years without float', () => {
    expect(meanGrowthAtLeast(100, 110, 121, 10)).toBe(true);
    expect(meanGrowthAtLeast(100, 110, 120, 10)).toBe(false);
    expect(meanGrowthAtLeast(100, 120, 120, 10)).toBe(true); // 20 % then 0 %: mean 10 %
    expect(compoundGrowthAtLeast(10_000, 11_025, 5)).toBe(true);
    expect(compoundGrowthAtLeast(10_000, 11_024, 5)).toBe(false);
  });
});

describe('rule set by tier, date and application type', () => {
  it.each([
    ['innovative', '2026-03-31', 'new', 'innovative-2022'],
    ['innovative', '2026-04-01', 'new', 'bottom-2026'],
    ['innovative', '2026-11-22', 'review', 'innovative-2022'],
    ['srdi', '2025-06-30', 'new', 'srdi-2022'],
    ['srdi', '2026-04-01', 'new', 'srdi-2026'],
    ['srdi', '2026-11-22', 'review', 'srdi-2022'],
    ['little_giant', '2022-05-31', 'new', 'little-giant-2018'],
    ['little_giant', '2022-06-01', 'new', 'little-giant-2022'],
    ['little_giant', '2026-03-31', 'review', 'little-giant-2022'],
    ['little_giant', '2026-04-01', 'new', 'little-giant-2026'],
    ['little_giant', '2026-11-22', 'review', 'little-giant-2022'],
  ] as const)('%s on %s (%s) → %s', (tier, date, type, ruleSet) => {
    expect(selectRuleSet(tier, date, type)).toBe(ruleSet);
  });
  it('names the rule set in every result', () => {
    expect(evaluate(sampleInput()).results.map((r) => r.ruleSet)).toEqual(['bottom-2026', 'srdi-2026', 'little-giant-2026']);
  });
});

// 创新型中小企业 2022: every band edge, both sides (prior year 2025, revenue 1亿 for round numbers).
describe('innovative 2022 bands', () => {
  const at = (f: Parameters<typeof withYear>[2], prev: Parameters<typeof withYear>[2] = {}) =>
    withYear(withYear(base, 2025, { revenue: 100_000_000, mainRevenue: 80_000_000, ...f }), 2024, { mainRevenue: 100_000_000, ...prev });
  it.each([
    [5_000_000, 20],
    [4_999_999, 15],
    [3_000_000, 15],
    [2_999_999, 10],
    [2_000_000, 10],
    [1_999_999, 5],
    [1_000_000, 5],
    [999_999, 0],
  ])('R&D %i of 1亿 revenue → %i', (rd, expected) => {
    expect(points(at({ rdExpense: rd }), 'innovative', 'rdRatio')).toBe(expected);
  });
  it.each([
    [115_000_000, 20],
    [114_999_999, 15],
    [110_000_000, 15],
    [109_999_999, 10],
    [105_000_000, 10],
    [104_999_999, 5],
    [100_000_000, 5],
    [99_999_999, 0],
  ])('main revenue %i after 1亿 → %i', (main, expected) => {
    expect(points(at({ revenue: 200_000_000, mainRevenue: main }), 'innovative', 'mainGrowth')).toBe(expected);
  });
  it.each([
    [55_000_000, 10],
    [55_000_001, 5],
    [75_000_000, 5],
    [75_000_001, 0],
  ])('liabilities %i of 1亿 assets → %i', (liabilities, expected) => {
    expect(points(at({ totalAssets: 100_000_000, totalLiabilities: liabilities }), 'innovative', 'debtRatio')).toBe(expected);
  });
  it.each([
    [70_000_000, 20],
    [69_999_999, 15],
    [60_000_000, 15],
    [59_999_999, 10],
    [55_000_000, 10],
    [54_999_999, 5],
    [50_000_000, 5],
    [49_999_999, 0],
  ])('main revenue %i of 1亿 → %i', (main, expected) => {
    expect(points(at({ mainRevenue: main }, { mainRevenue: main }), 'innovative', 'mainShare')).toBe(expected);
  });
  it.each([
    [{ classI: 1, classIHighValue: 1, classISelfDeveloped: 0, classII: 0 }, 20],
    [{ classI: 1, classIHighValue: 0, classISelfDeveloped: 1, classII: 0 }, 15],
    [{ classI: 1, classIHighValue: 0, classISelfDeveloped: 0, classII: 0 }, 10],
    [{ classI: 0, classIHighValue: 0, classISelfDeveloped: 0, classII: 1 }, 5],
    [{ classI: 0, classIHighValue: 0, classISelfDeveloped: 0, classII: 0 }, 0],
  ])('IP %o → %i', (ip, expected) => {
    expect(points(withEnterprise(base, { ip }), 'innovative', 'ip')).toBe(expected);
  });
  it('needs 60 points and each category minimum, unless a direct path applies', () => {
    const weak = withEnterprise(withYear(base, 2025, { rdExpense: 0 }), {
      awards: [],
      rdInstitution: 'none',
      ip: { classI: 0, classIHighValue: 0, classISelfDeveloped: 0, classII: 0 },
    });
    const r = result(weak, 'innovative');
    expect(r.outcome).toBe('not_qualified');
    expect(r.missing.map((m) => m.message)).toEqual(
      expect.arrayContaining(['Ⅰ类知识产权还需 1 项（得 10 分）', expect.stringMatching(/^研发费用还差 86 万元即可达到营业收入的 1%/)]),
    );
    expect(
      result(withEnterprise(weak, { qualifications: { ...weak.enterprise.qualifications, highTech: true } }), 'innovative').outcome,
    ).toBe('qualified');
  });
});

describe('SRDI 2022', () => {
  it('says how much R&D is missing, in 万元, at the 3 % condition', () => {
    const short = withYear(base, 2025, { revenue: 100_000_000, mainRevenue: 90_000_000, rdExpense: 2_675_000 });
    expect(condition(short, 'srdi', 'rd')).toBe('not_met');
    expect(result(short, 'srdi').missing).toContainEqual({
      id: 'rd',
      message: '研发费用还差 32.5 万元即可达到 100 万元且不低于营业收入的 3%',
    });
    expect(condition(withYear(short, 2025, { rdExpense: 3_000_000 }), 'srdi', 'rd')).toBe('met');
    expect(condition(withYear(base, 2025, { revenue: 30_000_000, mainRevenue: 30_000_000, rdExpense: 999_999 }), 'srdi', 'rd')).toBe(
      'not_met',
    );
  });
  it.each([
    [[100, 110, 121], 10],
    [[100, 110, 120], 8],
    [[100, 108, 116.64], 8],
    [[100, 106, 112.36], 6],
    [[100, 104, 108.16], 4],
    [[100, 100, 100], 2],
    [[100, 99, 98], 0],
  ])('mean main-revenue growth over %o → %i', ([a, b2, c], expected) => {
    const m = (x: number) => Math.round(x * 1_000_000);
    const input = withYear(
      withYear(withYear(base, 2023, { mainRevenue: m(a), revenue: m(a) }), 2024, { mainRevenue: m(b2), revenue: m(b2) }),
      2025,
      { mainRevenue: m(c), revenue: m(c) },
    );
    expect(points(input, 'srdi', 'mainGrowth')).toBe(expected);
  });
  it.each([
    [10_000_000, 10],
    [9_999_999, 8],
    [2_000_000, 2],
    [1_999_999, 0],
  ])('net profit %i of 1亿 → %i', (profit, expected) => {
    expect(points(withYear(base, 2025, { revenue: 100_000_000, mainRevenue: 90_000_000, netProfit: profit }), 'srdi', 'netMargin')).toBe(
      expected,
    );
  });
  it.each([
    [50_000_000, 5],
    [50_000_001, 3],
    [60_000_000, 3],
    [70_000_000, 1],
    [70_000_001, 0],
  ])('liabilities %i of 1亿 assets → %i', (liabilities, expected) => {
    expect(points(withYear(base, 2025, { totalAssets: 100_000_000, totalLiabilities: liabilities }), 'srdi', 'debtRatio')).toBe(expected);
  });
  it.each([
    [{ rdExpense: 5_000_000, revenue: 200_000_000 }, 10],
    [{ rdExpense: 2_000_000, revenue: 20_000_000 }, 10],
    [{ rdExpense: 1_000_000, revenue: 200_000_000 }, 2],
    [{ rdExpense: 999_999, revenue: 200_000_000 }, 0],
  ])('R&D input %o (amount or ratio) → %i', (f, expected) => {
    expect(points(withYear(base, 2025, { ...f, mainRevenue: f.revenue }), 'srdi', 'rdInput')).toBe(expected);
  });
  it.each([
    [1, 0],
    [2, 1],
    [9, 4],
    [10, 5],
    [30, 5],
  ])('%i years in the niche → %i points', (years, expected) => {
    expect(points(withEnterprise(base, { yearsInNiche: years }), 'srdi', 'nicheYears')).toBe(expected);
  });
  it('adds up to 100 at most, with the assessed 特色化 block', () => {
    const r = result(base, 'srdi');
    expect(r.categories.map((c) => c.max)).toEqual([25, 25, 15, 35]);
    expect(r.score).toBe(r.indicators.reduce((s, i) => s + i.points, 0));
    expect(points(base, 'srdi', 'featured')).toBe(9);
  });
});

describe('little giant 2022 R&D bands by revenue', () => {
  const lg = (revenue: number, rdPercent: number) =>
    withEnterprise(
      withYear(withYear(base, 2025, { revenue, mainRevenue: revenue, rdExpense: Math.round((revenue * rdPercent) / 100) }), 2024, {
        revenue,
        mainRevenue: Math.round(revenue / 1.1),
        rdExpense: Math.round((revenue * rdPercent) / 100),
      }),
      { qualifications: { highTech: false, techSme: false, innovativeSme: true, srdiSme: true } },
    );
  it.each([
    [100_000_000, 3, 'met'],
    [100_000_000, 2.99, 'not_met'],
    [99_999_999, 3, 'not_met'],
    [99_999_999, 6, 'met'],
    [50_000_000, 6, 'met'],
  ] as const)('revenue %i with R&D %s%% → %s', (revenue, rd, status) => {
    expect(condition(lg(revenue, rd), 'little_giant', 'innovation')).toBe(status);
  });
  it('puts a failed hard condition before an open review question', () => {
    const r = result(lg(100_000_000, 3), 'little_giant');
    expect(r.conditions.filter((c) => c.status === 'needs_review').map((c) => c.id)).toEqual([
      'lg2022.infoSystem',
      'lg2022.chainRole',
      'lg2022.productField',
    ]);
    expect(r.outcome).toBe('needs_review');
    const answered = withEnterprise(lg(100_000_000, 3), {
      reviewerAnswers: { 'lg2022.infoSystem': true, 'lg2022.chainRole': true, 'lg2022.productField': true },
    });
    expect(result(answered, 'little_giant').outcome).toBe('qualified');
    expect(result(withEnterprise(answered, { nicheMarketShare: 9.9 }), 'little_giant').outcome).toBe('not_qualified');
    expect(result(withEnterprise(lg(100_000_000, 3), { nicheMarketShare: 9.9 }), 'little_giant').outcome).toBe('not_qualified');
  });
});

describe('2026 rules', () => {
  it('checks the SRDI conditions and the platform score', () => {
    const r = result(sampleInput(), 'srdi');
    expect(r.ruleSet).toBe('srdi-2026');
    expect(r.conditions.find((c) => c.id === 'mainShare')?.status).toBe('met'); // 80,000,000 / 86,000,000 = 93 %
    expect(condition(withEnterprise(sampleInput(), { developmentScore: 49.9 }), 'srdi', 'developmentScore')).toBe('not_met');
    expect(condition(withEnterprise(sampleInput(), { developmentScore: 50 }), 'srdi', 'developmentScore')).toBe('met');
  });
  it('does not check growth at a little-giant 复核, and uses the compound rate for a new application', () => {
    const grown = withYear(withYear(sampleInput(), 2023, { revenue: 100_000_000 }), 2025, {
      revenue: 110_250_000,
      mainRevenue: 100_000_000,
    });
    expect(condition(grown, 'little_giant', 'cagr')).toBe('met');
    expect(condition(withYear(grown, 2025, { revenue: 110_249_999 }), 'little_giant', 'cagr')).toBe('not_met');
  });
  it('accepts the bottom tier on either standard', () => {
    const r = result(sampleInput(), 'innovative');
    expect(r.ruleSet).toBe('bottom-2026');
    expect(r.conditions.find((c) => c.id === 'standard')?.detail).toMatch(/创新型评价 \d+ 分/);
  });
});

describe('corrected parameters', () => {
  it('judge with the corrected number, say it in the condition, and name the version', () => {
    const corrected = evaluate(sampleInput(), { 'srdi-2026': { version: 2, values: { maxDebt: 40, minDevelopmentScore: 70 } } });
    const srdi = corrected.results.find((r) => r.tier === 'srdi') as TierResult;
    expect(srdi.ruleSet).toBe('srdi-2026@v2');
    expect(srdi.conditions.find((c) => c.id === 'debtRatio')).toMatchObject({ name: '资产负债率不高于 40%', status: 'not_met' });
    expect(srdi.conditions.find((c) => c.id === 'developmentScore')?.name).toBe('专精特新发展评价得分不低于 70 分');
    expect(srdi.missing).toContainEqual({ id: 'developmentScore', message: '发展评价得分还差 7 分' });
  });
});

describe('SME size applies to every tier', () => {
  it('refuses a large enterprise everywhere', () => {
    const large = withYear(sampleInput(), 2025, { employees: 1000, rdStaff: 100, revenue: 400_000_000, mainRevenue: 390_000_000 });
    const all = evaluate(large);
    expect(all.sizeClass).toBe('large');
    expect(
      all.results.every((r) => r.outcome === 'not_qualified' && r.conditions.some((c) => c.id === 'sme' && c.status === 'not_met')),
    ).toBe(true);
  });
});

describe('monotonicity (property): more R&D, more IP or more main-business share never lowers a score', () => {
  const arb = fc.record({
    revenue: fc.integer({ min: 1_000_000, max: 2_000_000_000 }),
    share: fc.integer({ min: 0, max: 100 }),
    rd: fc.integer({ min: 0, max: 200_000_000 }),
    extraRd: fc.integer({ min: 0, max: 50_000_000 }),
    classI: fc.integer({ min: 0, max: 10 }),
    extraIp: fc.integer({ min: 0, max: 5 }),
    extraShare: fc.integer({ min: 0, max: 100 }),
  });
  const scores = (input: EvaluationInput) => evaluate(input).results.map((r) => r.score ?? 0);
  it('holds for the 2022 innovative and SRDI scores', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const main = Math.floor((a.revenue * a.share) / 100);
        const before = withEnterprise(withYear(base, 2025, { revenue: a.revenue, mainRevenue: main, rdExpense: a.rd }), {
          ip: { classI: a.classI, classIHighValue: 0, classISelfDeveloped: 0, classII: 0 },
        });
        const moreRd = withYear(before, 2025, { rdExpense: a.rd + a.extraRd });
        const moreIp = withEnterprise(before, {
          ip: { classI: a.classI + a.extraIp, classIHighValue: 0, classISelfDeveloped: a.extraIp > 0 ? 1 : 0, classII: 0 },
        });
        const moreShare = withYear(before, 2025, { mainRevenue: Math.min(a.revenue, main + Math.floor((a.revenue * a.extraShare) / 100)) });
        const s0 = scores(before);
        // A higher share also raises the main revenue, so the growth indicators can only rise too.
        for (const after of [moreRd, moreIp, moreShare]) {
          const s1 = scores(after);
          for (let i = 0; i < s0.length; i++) expect(s1[i]).toBeGreaterThanOrEqual(s0[i]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('scores only (property): the same outcome and score as with explanations, with nothing built', () => {
  const year = (y: number) =>
    fc.record({
      year: fc.constant(y),
      revenue: fc.integer({ min: 0, max: 3_000_000_000 }),
      mainRevenue: fc.integer({ min: 0, max: 3_000_000_000 }),
      netProfit: fc.integer({ min: -50_000_000, max: 300_000_000 }),
      totalAssets: fc.integer({ min: 0, max: 3_000_000_000 }),
      totalLiabilities: fc.integer({ min: 0, max: 3_000_000_000 }),
      rdExpense: fc.integer({ min: 0, max: 300_000_000 }),
      employees: fc.integer({ min: 0, max: 3000 }),
      rdStaff: fc.integer({ min: 0, max: 1000 }),
      equityFinancing: fc.integer({ min: 0, max: 200_000_000 }),
    });
  const arb = fc.record({
    date: fc.constantFrom('2022-05-31', '2025-06-30', '2026-11-22'),
    type: fc.constantFrom('new' as const, 'review' as const),
    years: fc.tuple(year(2025), year(2024), year(2023), year(2021), year(2020)).chain((ys) => fc.subarray(ys)),
    yearsInNiche: fc.integer({ min: 0, max: 12 }),
    classI: fc.integer({ min: 0, max: 6 }),
    classII: fc.integer({ min: 0, max: 8 }),
    flags: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    rdInstitution: fc.constantFrom('none', 'below_municipal', 'municipal', 'provincial', 'national' as const),
    developmentScore: fc.option(fc.integer({ min: 0, max: 100 })),
    answers: fc.dictionary(
      fc.constantFrom(
        'srdi2026.market',
        'lg2022.infoSystem',
        'lg2022.chainRole',
        'lg2022.productField',
        'lg2026.field',
        'lg2018.infoSystem',
      ),
      fc.boolean(),
    ),
    awards: fc.array(
      fc.record({
        level: fc.constantFrom('national' as const, 'provincial' as const),
        rank: fc.integer({ min: 1, max: 8 }),
        year: fc.integer({ min: 2019, max: 2026 }),
      }),
      { maxLength: 2 },
    ),
  });
  it('holds on every rule set and every date', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const f = a.flags;
        const input = withEnterprise(
          { ...sampleInput(), assessmentDate: a.date, applicationType: a.type, years: a.years },
          {
            yearsInNiche: a.yearsInNiche,
            ip: { classI: a.classI, classIHighValue: f[0] ? 1 : 0, classISelfDeveloped: f[1] ? 1 : 0, classII: a.classII },
            rdInstitution: a.rdInstitution,
            qualifications: { highTech: f[2], techSme: f[3], innovativeSme: f[4], srdiSme: f[5] },
            quality: { provincialAward: f[6], managementCertified: f[7], ownBrand: f[8], standards: f[9] },
            developmentScore: a.developmentScore,
            reviewerAnswers: a.answers,
            awards: a.awards,
          },
        );
        const full = evaluate(input);
        const scores = evaluateScores(input);
        expect(scores.sizeClass).toBe(full.sizeClass);
        expect(scores.results.map(({ tier, ruleSet, outcome, score }) => ({ tier, ruleSet, outcome, score }))).toEqual(
          full.results.map(({ tier, ruleSet, outcome, score }) => ({ tier, ruleSet, outcome, score })),
        );
        for (const r of scores.results) expect([r.indicators.length, r.conditions.length, r.missing.length]).toEqual([0, 0, 0]);
        // The explanation agrees with the outcome: a failed condition shown for every not_qualified.
        for (const r of full.results) expect(r.outcome === 'not_qualified').toBe(r.conditions.some((c) => c.status === 'not_met'));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('correctable parameters', () => {
  it('names every number of every rule set in Chinese, band tables included', () => {
    for (const ruleSet of Object.keys(SHIPPED_PARAMETERS) as (keyof typeof SHIPPED_PARAMETERS)[])
      for (const [path] of numericParameters(ruleSet)) expect(parameterLabel(path), `${ruleSet} ${path}`).not.toBe(path);
    expect(parameterLabel('rdRatioBands.0.percent')).toBe('研发费用占营业收入比重 第 1 档 门槛（%）');
  });
  it('corrects a band threshold, and refuses a band table put out of order', () => {
    expect(numericParameters('innovative-2022')).toContainEqual(['rdRatioBands.1.percent', 3]);
    expect(disorderedBands('innovative-2022', { 'rdRatioBands.1.percent': 2.5 })).toEqual([]);
    expect(disorderedBands('innovative-2022', { 'rdRatioBands.1.percent': 6 })).toEqual(['研发费用占营业收入比重']);
    // Lower-is-better tables keep rising thresholds; points always fall.
    expect(disorderedBands('innovative-2022', { 'debtBands.0.percent': 80 })).toEqual(['资产负债率']);
    expect(disorderedBands('srdi-2022', { 'rdInputBands.4.points': 20 })).toEqual(['研发投入']);
    const corrected = { 'innovative-2022': { version: 2, values: { 'rdRatioBands.1.percent': 2.5 } } };
    const input = withYear(base, 2025, { revenue: 100_000_000, rdExpense: 2_500_000 });
    expect(points(input, 'innovative', 'rdRatio')).toBe(10);
    const after = evaluate(input, corrected).results.find((r) => r.tier === 'innovative');
    expect(after?.indicators.find((i) => i.id === 'rdRatio')).toMatchObject({ points: 15, band: '≥2.5%' });
    expect(after?.ruleSet).toBe('innovative-2022@v2');
  });
});
