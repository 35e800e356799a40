import { z } from 'zod';
import { todayInShanghai } from '../../domain/dates.js';
import { LITTLE_GIANT_2018 } from '../../domain/evaluation/little-giant-2018.js';
import { SECTORS } from '../../domain/sme-size.js';

/** The earliest rule set takes effect on this date; nothing judges an earlier one. */
export const EARLIEST_ASSESSMENT_DATE = LITTLE_GIANT_2018.effectiveFrom;
/** The latest date an assessment may be made for: the end of next year (rules further out are not known). */
export const latestAssessmentDate = () => `${Number(todayInShanghai().slice(0, 4)) + 1}-12-31`;

/** An assessment date within the rule sets' validity. */
export const assessmentDate = z.iso
  .date('日期格式应为 YYYY-MM-DD')
  .refine((d) => d >= EARLIEST_ASSESSMENT_DATE, `评价日期不能早于 ${EARLIEST_ASSESSMENT_DATE}（最早的评价规则自该日起施行）`)
  .refine((d) => d <= latestAssessmentDate(), { error: () => `评价日期不能晚于 ${latestAssessmentDate()}` });

const count = z.number().int('应为整数').min(0, '不能为负数');
const yuan = z.number().int('以元为单位的整数');
const award = z.strictObject({
  level: z.enum(['national', 'provincial']),
  rank: z.number().int().min(1).max(1000),
  year: z.number().int().min(1949).max(2100),
});

export const previewBody = z.strictObject({
  assessmentDate,
  applicationType: z.enum(['new', 'review'], '应为 new（新申请）或 review（复核）'),
  enterprise: z.strictObject({
    sector: z.enum(SECTORS, '行业门类不正确'),
    yearsInNiche: z.number().min(0).max(200),
    mainProductField: z.enum(['strategic_emerging', 'other']),
    srdiField: z.enum(['key_chain', 'six_basics', 'none']),
    ip: z.strictObject({ classI: count, classIHighValue: count, classISelfDeveloped: count, classII: count }),
    rdInstitution: z.enum(['none', 'below_municipal', 'municipal', 'provincial', 'national']),
    qualifications: z.strictObject({ highTech: z.boolean(), techSme: z.boolean(), innovativeSme: z.boolean(), srdiSme: z.boolean() }),
    awards: z.array(award).max(50),
    makerContest: award.nullable(),
    digitalLevel: z.number().int().min(0).max(6),
    quality: z.strictObject({
      provincialAward: z.boolean(),
      managementCertified: z.boolean(),
      ownBrand: z.boolean(),
      standards: z.boolean(),
    }),
    nicheMarketShare: z.number().min(0).max(100),
    domesticRank: z.number().int().min(1).nullable().optional(),
    featuredScore: z.number().min(0).max(15),
    developmentScore: z.number().min(0).max(100).nullable(),
    reviewerAnswers: z.record(z.string().max(64), z.boolean()),
  }),
  years: z
    .array(
      z.strictObject({
        year: z.number().int().min(1949).max(2100),
        revenue: yuan.min(0),
        mainRevenue: yuan.min(0),
        netProfit: yuan,
        totalAssets: yuan.min(0),
        totalLiabilities: yuan.min(0),
        rdExpense: yuan.min(0),
        employees: count,
        rdStaff: count,
        equityFinancing: yuan.min(0),
      }),
    )
    .min(1, '至少填写 1 个年度')
    .max(10),
});

const condition = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['met', 'not_met', 'needs_review']),
  detail: z.string(),
  source: z.string(),
  question: z.string().optional(),
});
export const previewResponse = z.object({
  sizeClass: z.enum(['large', 'medium', 'small', 'micro']),
  results: z.array(
    z.object({
      tier: z.enum(['innovative', 'srdi', 'little_giant']),
      ruleSet: z.string(),
      outcome: z.enum(['qualified', 'not_qualified', 'needs_review']),
      score: z.number().nullable(),
      categories: z.array(
        z.object({ id: z.string(), name: z.string(), score: z.number(), max: z.number(), minimum: z.number().optional() }),
      ),
      indicators: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          category: z.string(),
          value: z.union([z.number(), z.string()]).nullable(),
          band: z.string(),
          points: z.number(),
          max: z.number(),
          source: z.string(),
        }),
      ),
      conditions: z.array(condition),
      missing: z.array(z.object({ id: z.string(), message: z.string() })),
      /** The standards a tier can be met by (2026 创新型: 创新型评价 or 科技型评价), each with its score. */
      paths: z.array(z.object({ name: z.string(), score: z.number().nullable(), met: z.boolean() })).optional(),
    }),
  ),
});

// Response schemas of the evaluation routes (evaluation.routes.ts), whose types the web app imports.

export const ruleSetList = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    tier: z.string(),
    appliesTo: z.string(),
    document: z.string(),
    confidence: z.string(),
    version: z.number(),
    rows: z.array(z.object({ kind: z.string(), name: z.string(), rule: z.string(), source: z.string() })),
  }),
);

export const runStarted = z.object({
  id: z.string(),
  total: z.number(),
  jobId: z.string().nullable().describe('后台任务：进度和结果见 GET /api/jobs/:id'),
});

/** A batch evaluation run; `counts` holds what the run found (enterprises, qualified and needs-review per tier, within reach). */
export const runResponse = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'interrupted']),
  total: z.number(),
  processed: z.number(),
  assessmentDate: z.string(),
  counts: z.custom<{
    enterprises: number;
    qualified: Record<string, number>;
    needsReview?: Record<string, number>;
    withinReach: number;
  } | null>(() => true),
  error: z.custom<{ code?: string; message?: string } | null>(() => true),
});
export const currentRunResponse = z.object({ run: runResponse.nullable() });

export const poolItem = z.object({
  enterpriseId: z.string(),
  uscc: z.string(),
  name: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  industryCode: z.string().nullable(),
  currentTier: z.string().nullable(),
  tier: z.string(),
  ruleSet: z.string(),
  outcome: z.string(),
  score: z.number().nullable(),
  failed: z.array(z.string()),
  missing: z.array(z.string()),
  evaluatedAt: z.date(),
});
export const poolPage = z.object({ items: z.array(poolItem), total: z.number() });

export const reviewQuestion = z.object({
  id: z.string(),
  tier: z.string(),
  name: z.string(),
  question: z.string(),
  answer: z.boolean().nullable(),
});
const storedResult = z.looseObject({
  tier: z.string(),
  ruleSet: z.string(),
  outcome: z.string(),
  score: z.number().nullable(),
  missing: z.array(z.string()),
  evaluatedAt: z.date(),
});
export const enterpriseEvaluationsResponse = z.object({
  latest: z.array(storedResult),
  history: z.array(storedResult),
  questions: z.array(reviewQuestion).describe('最近评价中需人工审核的事项及已记录的审核结论'),
});

export const ruleSetParameters = z.object({
  ruleSet: z.string(),
  version: z.number(),
  parameters: z.array(z.object({ path: z.string(), label: z.string(), shipped: z.number(), current: z.number() })),
});
export const correctionImpact = z.object({
  ruleSet: z.string(),
  tier: z.string(),
  stored: z.number().describe('该规则集（各版本）已存储的评价结果条数'),
  evaluated: z.number(),
  changed: z.number().describe('因本次修正而改变结论的条数'),
  outdated: z.number().describe('按现行参数重新评价已与存储结论不同的条数（企业数据已更新）'),
  districts: z.array(
    z.object({
      districtCode: z.string(),
      districtName: z.string(),
      tier: z.string(),
      toQualified: z.number(),
      toNotQualified: z.number(),
      other: z.number(),
    }),
  ),
});
export const publishedVersion = z.object({ ruleSet: z.string(), version: z.number() });
