// 申报书: the official form's tabs as the enterprise fills them, how the registry pre-fills them, and
// how they become the evaluation's input (the live self-evaluation beside the form, and the frozen
// evaluation at submission). Pure: no I/O.
import { qualificationsOn } from '../evaluation/qualifications.js';
import type { ApplicationType, Award, EvaluationInput, MakerContest, YearFigures } from '../evaluation/types.js';
import type { Sector } from '../sme-size.js';

type Maybe<T> = T | null | undefined;
type FigureKey = Exclude<keyof YearFigures, 'year'>;

/** The form as stored (every field may be empty in a draft); recognition.schemas.ts checks it. */
export interface RecognitionForm {
  basic?: {
    name?: Maybe<string>;
    uscc?: Maybe<string>;
    districtCode?: Maybe<string>;
    industryCode?: Maybe<string>;
    sector?: Maybe<Sector>;
    establishedOn?: Maybe<string>;
    registeredCapital?: Maybe<number>;
    legalRepresentative?: Maybe<string>;
    address?: Maybe<string>;
    contactName?: Maybe<string>;
    contactPhone?: Maybe<string>;
    mainProduct?: Maybe<string>;
    nicheMarket?: Maybe<string>;
  };
  operations?: { years?: ({ year: number } & Partial<Record<FigureKey, Maybe<number>>>)[] };
  specialisation?: {
    nicheEntryYear?: Maybe<number>;
    nicheMarketShare?: Maybe<number>;
    domesticRank?: Maybe<number>;
    mainProductField?: Maybe<'strategic_emerging' | 'other'>;
    srdiField?: Maybe<'key_chain' | 'six_basics' | 'none'>;
    description?: Maybe<string>;
  };
  refinement?: {
    digitalLevel?: Maybe<number>;
    quality?: Partial<Record<'provincialAward' | 'managementCertified' | 'ownBrand' | 'standards', boolean>>;
    description?: Maybe<string>;
  };
  featured?: { featuredScore?: Maybe<number>; description?: Maybe<string> };
  innovation?: {
    ip?: Partial<Record<'classI' | 'classIHighValue' | 'classISelfDeveloped' | 'classII', number>>;
    rdInstitution?: Maybe<EvaluationInput['enterprise']['rdInstitution']>;
    awards?: Award[];
    makerContest?: Maybe<MakerContest>;
    description?: Maybe<string>;
  };
  other?: {
    qualifications?: Partial<Record<'highTech' | 'techSme' | 'innovativeSme' | 'srdiSme', boolean>>;
    developmentScore?: Maybe<number>;
    note?: Maybe<string>;
  };
  /** 佐证材料: file ids per indicator id. */
  evidence?: Record<string, string[]>;
}

const FIGURES: readonly FigureKey[] = [
  'revenue',
  'mainRevenue',
  'netProfit',
  'totalAssets',
  'totalLiabilities',
  'rdExpense',
  'employees',
  'rdStaff',
  'equityFinancing',
];

const n = (v: Maybe<number>) => (v === null || v === undefined ? 0 : Number(v));

/** The registry record a form is pre-filled from (the enterprise detail of the enterprises module). */
export interface RegistryForForm {
  name: string;
  uscc: string;
  districtCode: string;
  industryCode: string | null;
  sector: string;
  establishedOn: string | null;
  registeredCapital: number | null;
  legalRepresentative: string | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  mainProduct: string | null;
  nicheMarket: string | null;
  nicheEntryYear: number | null;
  facts: unknown;
  years: ({ year: number } & Partial<Record<FigureKey, number | null>>)[];
  titles: { tier: string; status: string; validUntil: string | null }[];
  honours: { kind: string; validUntil: string | null }[];
}

type Facts = {
  ip?: Partial<Record<'classI' | 'classIHighValue' | 'classISelfDeveloped' | 'classII', number>>;
  rdInstitution?: EvaluationInput['enterprise']['rdInstitution'];
  awards?: Award[];
  makerContest?: MakerContest | null;
  digitalLevel?: number;
  quality?: Partial<Record<'provincialAward' | 'managementCertified' | 'ownBrand' | 'standards', boolean>>;
  nicheMarketShare?: number;
  domesticRank?: number;
  mainProductField?: 'strategic_emerging' | 'key_chain' | 'six_basics' | 'other';
  developmentScore?: number;
  featuredScore?: number;
};

/** How many years of 经营情况 the form asks for (the rules read the last three). */
export const FORM_YEARS = 3;

/**
 * A new application's form from the registry: the record's fields, the last three years before
 * `date` (empty figures where the registry has none), the facts, and the qualifications held on `date`.
 */
export function formFromRegistry(r: RegistryForForm, date: string): RecognitionForm {
  const facts = (r.facts ?? {}) as Facts;
  const lastYear = Number(date.slice(0, 4)) - 1;
  const byYear = new Map(r.years.map((y) => [Number(y.year), y]));
  const years = Array.from({ length: FORM_YEARS }, (_, i) => lastYear - FORM_YEARS + 1 + i).map((year) => {
    const y = byYear.get(year);
    return { year, ...Object.fromEntries(FIGURES.map((f) => [f, y?.[f] ?? null])) };
  });
  const field = facts.mainProductField;
  return {
    basic: {
      name: r.name,
      uscc: r.uscc,
      districtCode: r.districtCode,
      industryCode: r.industryCode,
      sector: r.sector as Sector,
      establishedOn: r.establishedOn,
      registeredCapital: r.registeredCapital,
      legalRepresentative: r.legalRepresentative,
      address: r.address,
      contactName: r.contactName,
      contactPhone: r.contactPhone,
      mainProduct: r.mainProduct,
      nicheMarket: r.nicheMarket,
    },
    operations: { years },
    specialisation: {
      nicheEntryYear: r.nicheEntryYear,
      nicheMarketShare: facts.nicheMarketShare ?? null,
      domesticRank: facts.domesticRank ?? null,
      mainProductField: field === 'strategic_emerging' ? 'strategic_emerging' : field ? 'other' : null,
      srdiField: field === 'key_chain' || field === 'six_basics' ? field : field ? 'none' : null,
    },
    refinement: { digitalLevel: facts.digitalLevel ?? null, quality: { ...facts.quality } },
    featured: { featuredScore: facts.featuredScore ?? null },
    innovation: {
      ip: { ...facts.ip },
      rdInstitution: facts.rdInstitution ?? null,
      awards: facts.awards ?? [],
      makerContest: typeof facts.makerContest?.rank === 'number' ? facts.makerContest : null,
    },
    other: { qualifications: qualificationsOn(date, r.titles, r.honours), developmentScore: facts.developmentScore ?? null },
    evidence: {},
  };
}

/**
 * The evaluation's input from the form, as of `assessmentDate` for a round of `round.type`. An
 * empty figure counts as 0 (the evaluation then says what is missing); the qualifications are the
 * form's unless `qualifications` (the registry's, at submission) are given.
 */
export function formToEvaluationInput(
  form: RecognitionForm,
  round: { type: ApplicationType },
  assessmentDate: string,
  qualifications?: EvaluationInput['enterprise']['qualifications'],
): EvaluationInput {
  const priorYear = Number(assessmentDate.slice(0, 4)) - 1;
  const s = form.specialisation ?? {};
  const q = form.refinement?.quality ?? {};
  const ip = form.innovation?.ip ?? {};
  const held = form.other?.qualifications ?? {};
  const years: YearFigures[] = (form.operations?.years ?? [])
    .map((y) => ({ year: Number(y.year), ...(Object.fromEntries(FIGURES.map((f) => [f, n(y[f])])) as Record<FigureKey, number>) }))
    .sort((a, b) => a.year - b.year);
  return {
    assessmentDate,
    applicationType: round.type,
    enterprise: {
      sector: form.basic?.sector ?? 'other',
      yearsInNiche: s.nicheEntryYear ? Math.max(0, priorYear - s.nicheEntryYear + 1) : 0,
      mainProductField: s.mainProductField === 'strategic_emerging' ? 'strategic_emerging' : 'other',
      srdiField: s.srdiField ?? 'none',
      ip: {
        classI: n(ip.classI),
        classIHighValue: n(ip.classIHighValue),
        classISelfDeveloped: n(ip.classISelfDeveloped),
        classII: n(ip.classII),
      },
      rdInstitution: form.innovation?.rdInstitution ?? 'none',
      qualifications: qualifications ?? {
        highTech: held.highTech === true,
        techSme: held.techSme === true,
        innovativeSme: held.innovativeSme === true,
        srdiSme: held.srdiSme === true,
      },
      awards: form.innovation?.awards ?? [],
      makerContest: form.innovation?.makerContest ?? null,
      digitalLevel: n(form.refinement?.digitalLevel),
      quality: {
        provincialAward: q.provincialAward === true,
        managementCertified: q.managementCertified === true,
        ownBrand: q.ownBrand === true,
        standards: q.standards === true,
      },
      nicheMarketShare: n(s.nicheMarketShare),
      domesticRank: s.domesticRank ?? null,
      featuredScore: n(form.featured?.featuredScore),
      developmentScore: form.other?.developmentScore ?? null,
      reviewerAnswers: {},
    },
    years: years.length ? years : [{ year: priorYear, ...(Object.fromEntries(FIGURES.map((f) => [f, 0])) as Record<FigureKey, number>) }],
  };
}

/** Every file id the form's evidence names, once. */
export function evidenceFileIds(form: RecognitionForm): string[] {
  return [...new Set(Object.values(form.evidence ?? {}).flat())];
}
