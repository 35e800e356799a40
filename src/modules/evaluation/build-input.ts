import { todayInShanghai } from '../../domain/dates.js';
import type { EvaluationInput, YearFigures } from '../../domain/evaluation/types.js';
import type { Sector } from '../../domain/sme-size.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { getEnterpriseDetail } from '../enterprises/get-enterprise.js';

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
};

/**
 * The evaluation input of a registry enterprise (the self-assessment form starts from it):
 * facts, the yearly figures, and the qualifications its titles and honours give on the date.
 */
export async function buildEvaluationInput(
  ctx: AppContext,
  actor: Actor | null,
  enterpriseId: string,
  date = todayInShanghai(),
): Promise<EvaluationInput> {
  const e = await getEnterpriseDetail(ctx, actor, enterpriseId);
  const facts = (e.facts ?? {}) as Facts;
  const valid = (t: { status?: string; validUntil: string | null }) =>
    (t.status ?? 'valid') === 'valid' && (t.validUntil === null || t.validUntil >= date);
  const hasTitle = (tier: string) => e.titles.some((t) => t.tier === tier && valid(t));
  const hasHonour = (kind: string) => e.honours.some((h) => h.kind === kind && valid(h));
  const priorYear = Number(date.slice(0, 4)) - 1;
  const years: YearFigures[] = e.years.map((y) => ({
    year: y.year,
    revenue: y.revenue ?? 0,
    mainRevenue: y.mainRevenue ?? 0,
    netProfit: y.netProfit ?? 0,
    totalAssets: y.totalAssets ?? 0,
    totalLiabilities: y.totalLiabilities ?? 0,
    rdExpense: y.rdExpense ?? 0,
    employees: y.employees ?? 0,
    rdStaff: y.rdStaff ?? 0,
    equityFinancing: y.equityFinancing ?? 0,
  }));
  return {
    assessmentDate: date,
    applicationType: 'new',
    enterprise: {
      sector: e.sector as Sector,
      yearsInNiche: e.nicheEntryYear ? Math.max(0, priorYear - e.nicheEntryYear + 1) : 0,
      mainProductField: facts.mainProductField === 'strategic_emerging' ? 'strategic_emerging' : 'other',
      srdiField: facts.mainProductField === 'key_chain' ? 'key_chain' : facts.mainProductField === 'six_basics' ? 'six_basics' : 'none',
      ip: { classI: 0, classIHighValue: 0, classISelfDeveloped: 0, classII: 0, ...facts.ip },
      rdInstitution: facts.rdInstitution ?? 'none',
      qualifications: {
        highTech: hasHonour('high_tech'),
        techSme: hasHonour('tech_sme'),
        innovativeSme: hasTitle('innovative') || hasTitle('srdi') || hasTitle('little_giant'),
        srdiSme: hasTitle('srdi') || hasTitle('little_giant'),
      },
      awards: facts.awards ?? [],
      makerContest: facts.makerContest ?? null,
      digitalLevel: facts.digitalLevel ?? 0,
      quality: { provincialAward: false, managementCertified: false, ownBrand: false, standards: false, ...facts.quality },
      nicheMarketShare: facts.nicheMarketShare ?? 0,
      domesticRank: facts.domesticRank ?? null,
      featuredScore: 0,
      developmentScore: null,
      reviewerAnswers: {},
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
