// A registry enterprise as evaluation input: its facts, yearly figures, and the qualifications
// that its titles and honours give on the assessment date. Pure.
import { qualificationsOn } from '../../domain/evaluation/qualifications.js';
import type { EvaluationInput, YearFigures } from '../../domain/evaluation/types.js';
import type { Sector } from '../../domain/sme-size.js';

export interface RegistryRecord {
  sector: string;
  nicheEntryYear: number | null;
  facts: unknown;
  years: ({ year: number } & Partial<Record<Exclude<keyof YearFigures, 'year'>, number | null>>)[];
  titles: { tier: string; status: string; validUntil: string | null }[];
  honours: { kind: string; validUntil: string | null }[];
}

type Facts = {
  ip?: Partial<EvaluationInput['enterprise']['ip']>;
  rdInstitution?: EvaluationInput['enterprise']['rdInstitution'];
  awards?: EvaluationInput['enterprise']['awards'];
  makerContest?: EvaluationInput['enterprise']['makerContest'];
  digitalLevel?: number;
  quality?: Partial<EvaluationInput['enterprise']['quality']>;
  nicheMarketShare?: number;
  domesticRank?: number;
  mainProductField?: 'strategic_emerging' | 'key_chain' | 'six_basics' | 'other';
  developmentScore?: number;
  featuredScore?: number;
  reviewerAnswers?: Record<string, boolean>;
};

const n = (v: number | null | undefined) => (v === null || v === undefined ? 0 : Number(v));

export function inputFromRegistry(r: RegistryRecord, date: string): EvaluationInput {
  const facts = (r.facts ?? {}) as Facts;
  const priorYear = Number(date.slice(0, 4)) - 1;
  const years: YearFigures[] = r.years.map((y) => ({
    year: Number(y.year),
    revenue: n(y.revenue),
    mainRevenue: n(y.mainRevenue),
    netProfit: n(y.netProfit),
    totalAssets: n(y.totalAssets),
    totalLiabilities: n(y.totalLiabilities),
    rdExpense: n(y.rdExpense),
    employees: n(y.employees),
    rdStaff: n(y.rdStaff),
    equityFinancing: n(y.equityFinancing),
  }));
  return {
    assessmentDate: date,
    applicationType: 'new',
    enterprise: {
      sector: r.sector as Sector,
      yearsInNiche: r.nicheEntryYear ? Math.max(0, priorYear - r.nicheEntryYear + 1) : 0,
      mainProductField: facts.mainProductField === 'strategic_emerging' ? 'strategic_emerging' : 'other',
      srdiField: facts.mainProductField === 'key_chain' ? 'key_chain' : facts.mainProductField === 'six_basics' ? 'six_basics' : 'none',
      ip: { classI: 0, classIHighValue: 0, classISelfDeveloped: 0, classII: 0, ...facts.ip },
      rdInstitution: facts.rdInstitution ?? 'none',
      qualifications: qualificationsOn(date, r.titles, r.honours),
      awards: facts.awards ?? [],
      // Rows saved before the registry kept the evaluation's shape hold a free-text result: no rank, no result.
      makerContest: typeof facts.makerContest?.rank === 'number' ? facts.makerContest : null,
      digitalLevel: facts.digitalLevel ?? 0,
      quality: { provincialAward: false, managementCertified: false, ownBrand: false, standards: false, ...facts.quality },
      nicheMarketShare: facts.nicheMarketShare ?? 0,
      domesticRank: facts.domesticRank ?? null,
      featuredScore: facts.featuredScore ?? 0,
      developmentScore: facts.developmentScore ?? null,
      reviewerAnswers: facts.reviewerAnswers ?? {},
    },
    years: years.length
      ? years
      : [
          {
            year: priorYear,
            revenue: 0,
            mainRevenue: 0,
            netProfit: 0,
            totalAssets: 0,
            totalLiabilities: 0,
            rdExpense: 0,
            employees: 0,
            rdStaff: 0,
            equityFinancing: 0,
          },
        ],
  };
}
