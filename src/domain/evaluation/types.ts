import type { Sector, SizeClass } from '../sme-size.js';

export type Tier = 'innovative' | 'srdi' | 'little_giant';
export type Outcome = 'qualified' | 'not_qualified' | 'needs_review';
export type ApplicationType = 'new' | 'review';
export type RdInstitution = 'none' | 'below_municipal' | 'municipal' | 'provincial' | 'national';

export interface YearFigures {
  year: number;
  revenue: number;
  mainRevenue: number;
  netProfit: number;
  totalAssets: number;
  totalLiabilities: number;
  rdExpense: number;
  employees: number;
  rdStaff: number;
  equityFinancing: number;
}

export interface Award {
  level: 'national' | 'provincial';
  /** Rank of the enterprise among the winning units (1 = first). */
  rank: number;
  year: number;
}

/** 创客中国 result: `rank` is the place in the published enterprise list (top 50, top 500 …). */
export interface MakerContest {
  level: 'national' | 'provincial';
  rank: number;
  year: number;
}

export interface EnterpriseFacts {
  sector: Sector;
  yearsInNiche: number;
  mainProductField: 'strategic_emerging' | 'other';
  srdiField: 'key_chain' | 'six_basics' | 'none';
  ip: { classI: number; classIHighValue: number; classISelfDeveloped: number; classII: number };
  rdInstitution: RdInstitution;
  qualifications: { highTech: boolean; techSme: boolean; innovativeSme: boolean; srdiSme: boolean };
  awards: Award[];
  makerContest: MakerContest | null;
  digitalLevel: number;
  quality: { provincialAward: boolean; managementCertified: boolean; ownBrand: boolean; standards: boolean };
  /** Share of the niche market in per cent (12.5 = 12.5 %). */
  nicheMarketShare: number;
  domesticRank: number | null;
  /** Chongqing 特色化 block of the 2022 SRDI table, as assessed (0–15). */
  featuredScore: number;
  /** 专精特新发展评价 score from the national platform (2026 rules). */
  developmentScore: number | null;
  /** Answers to the questions of indicators that need a person, by question id. */
  reviewerAnswers: Record<string, boolean>;
}

export interface EvaluationInput {
  assessmentDate: string;
  applicationType: ApplicationType;
  enterprise: EnterpriseFacts;
  years: YearFigures[];
}

export interface IndicatorResult {
  id: string;
  name: string;
  category: string;
  /** The figure the band was read from, for display (per cent, years, count …). */
  value: number | string | null;
  band: string;
  points: number;
  max: number;
  source: string;
}

export interface ConditionResult {
  id: string;
  name: string;
  status: 'met' | 'not_met' | 'needs_review';
  detail: string;
  source: string;
  /** For needs_review: what a reviewer must answer (reviewerAnswers[id]). */
  question?: string;
}

export interface CategoryResult {
  id: string;
  name: string;
  score: number;
  max: number;
  /** Minimum the rule asks of this category, if any. */
  minimum?: number;
}

export interface MissingItem {
  id: string;
  message: string;
}

export interface TierResult {
  tier: Tier;
  ruleSet: string;
  outcome: Outcome;
  score: number | null;
  categories: CategoryResult[];
  indicators: IndicatorResult[];
  conditions: ConditionResult[];
  missing: MissingItem[];
  /**
   * For a tier reached by one of several standards (2026 创新型: 创新型评价 or 科技型评价), each
   * standard with its score and whether it is met; only when explaining.
   */
  paths?: PathResult[];
}

export interface PathResult {
  name: string;
  score: number | null;
  met: boolean;
}

export interface EvaluationResult {
  sizeClass: SizeClass;
  results: TierResult[];
}
