import type { EvaluationInput, YearFigures } from './types.js';

const year = (y: number, f: Partial<YearFigures> = {}): YearFigures => ({
  year: y,
  revenue: 86_000_000,
  mainRevenue: 80_000_000,
  netProfit: 6_000_000,
  totalAssets: 90_000_000,
  totalLiabilities: 40_000_000,
  rdExpense: 4_300_000,
  employees: 210,
  rdStaff: 40,
  equityFinancing: 0,
  ...f,
});

/** The example of the API contract (issue 4): a Rongchang-sized manufacturer. */
export function sampleInput(overrides: Partial<EvaluationInput> = {}): EvaluationInput {
  return {
    assessmentDate: '2026-11-22',
    applicationType: 'new',
    enterprise: {
      sector: 'industry',
      yearsInNiche: 6,
      mainProductField: 'strategic_emerging',
      srdiField: 'key_chain',
      ip: { classI: 3, classIHighValue: 0, classISelfDeveloped: 2, classII: 5 },
      rdInstitution: 'provincial',
      qualifications: { highTech: false, techSme: false, innovativeSme: true, srdiSme: false },
      awards: [{ level: 'provincial', rank: 2, year: 2024 }],
      makerContest: null,
      digitalLevel: 2,
      quality: { provincialAward: false, managementCertified: true, ownBrand: true, standards: false },
      nicheMarketShare: 12.5,
      domesticRank: 3,
      featuredScore: 9,
      developmentScore: 63,
      reviewerAnswers: {},
    },
    years: [
      year(2025),
      year(2024, { revenue: 78_000_000, mainRevenue: 72_000_000 }),
      year(2023, { revenue: 70_000_000, mainRevenue: 65_000_000 }),
    ],
    ...overrides,
  };
}

/** The sample with one year's figures changed. */
export function withYear(input: EvaluationInput, y: number, f: Partial<YearFigures>): EvaluationInput {
  return { ...input, years: input.years.map((x) => (x.year === y ? { ...x, ...f } : x)) };
}

export function withEnterprise(input: EvaluationInput, f: Partial<EvaluationInput['enterprise']>): EvaluationInput {
  return { ...input, enterprise: { ...input.enterprise, ...f } };
}
