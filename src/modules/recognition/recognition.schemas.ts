import { z } from 'zod';
import { OBJECTION_STATES, RECOGNITION_ACTIONS, RECOGNITION_STATUSES, RETURN_REASONS } from '../../domain/recognition/lifecycle.js';
import { SECTORS } from '../../domain/sme-size.js';
import { paging, text, uuid } from '../../server/validation.js';
import { previewResponse } from '../evaluation/evaluation.schemas.js';
import { fileInfo } from '../files/files.schemas.js';

// Every request and response schema of the recognition module's routes (认定管理). Each part adds
// its own under a comment naming the part; the web app imports the types (z.output) type-only.

// ---- shared ----

export const TIERS = ['innovative', 'srdi', 'little_giant'] as const;
export const tier = z.enum(
  TIERS,
  '梯度层级应为 innovative（创新型中小企业）、srdi（专精特新中小企业）或 little_giant（专精特新“小巨人”企业）',
);
export const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
export const idParams = z.strictObject({ id: uuid() });

/** A tier's evaluation as the evaluation module returns it (TierResult). */
export const tierResult = previewResponse.shape.results.element;

// ---- A: applications, enterprise side ----

const count = z.number().int('应为整数').min(0, '不能为负数').max(10_000_000, '数值超出范围');
const yuan = z.number().int('以元为单位的整数').min(-1e15, '数值超出范围').max(1e15, '数值超出范围');
const optionalText = (max: number) => text(max, { min: 0 }).nullable().optional();
const award = z.strictObject({
  level: z.enum(['national', 'provincial'], '级别应为 national（国家级）或 provincial（省级）'),
  rank: z.number().int().min(1).max(1000),
  year: z.number().int().min(1949).max(2100),
});

/** One year of 经营情况 (whole yuan, head counts); a draft may leave figures empty. */
export const formYear = z.strictObject({
  year: z.number().int().min(1949).max(2100),
  revenue: yuan.min(0, '不能为负数').nullable().optional(),
  mainRevenue: yuan.min(0, '不能为负数').nullable().optional(),
  netProfit: yuan.nullable().optional(),
  totalAssets: yuan.min(0, '不能为负数').nullable().optional(),
  totalLiabilities: yuan.min(0, '不能为负数').nullable().optional(),
  rdExpense: yuan.min(0, '不能为负数').nullable().optional(),
  employees: count.nullable().optional(),
  rdStaff: count.nullable().optional(),
  equityFinancing: yuan.min(0, '不能为负数').nullable().optional(),
});

/**
 * 申报书 as the enterprise fills it, by the official form's tabs: 基本情况 basic, 经营情况 operations,
 * 专业化 specialisation, 精细化 refinement, 特色化 featured, 创新能力 innovation, 其他 other,
 * 附件 evidence (file ids per indicator id). Every field may be empty in a draft (autosave); the
 * self-evaluation reads an empty figure as 0 and says what is missing.
 */
export const applicationForm = z.strictObject({
  basic: z
    .strictObject({
      name: optionalText(200),
      uscc: optionalText(30),
      districtCode: optionalText(16),
      industryCode: optionalText(8),
      sector: z.enum(SECTORS, '行业门类不正确').nullable().optional(),
      establishedOn: isoDate.nullable().optional(),
      registeredCapital: yuan.min(0, '不能为负数').nullable().optional(),
      legalRepresentative: optionalText(100),
      address: optionalText(300),
      contactName: optionalText(100),
      contactPhone: optionalText(40),
      mainProduct: optionalText(500),
      nicheMarket: optionalText(500),
    })
    .default({}),
  operations: z.strictObject({ years: z.array(formYear).max(10, '最多填写 10 个年度').default([]) }).default({ years: [] }),
  specialisation: z
    .strictObject({
      /** The year the enterprise entered its niche market (从事特定细分市场的起始年份). */
      nicheEntryYear: z.number().int().min(1900).max(2100).nullable().optional(),
      nicheMarketShare: z.number().min(0, '不能为负数').max(100, '不能超过 100%').nullable().optional(),
      domesticRank: z.number().int().min(1).max(10_000).nullable().optional(),
      mainProductField: z.enum(['strategic_emerging', 'other']).nullable().optional(),
      srdiField: z.enum(['key_chain', 'six_basics', 'none']).nullable().optional(),
      description: optionalText(2000),
    })
    .default({}),
  refinement: z
    .strictObject({
      digitalLevel: z.number().int().min(0).max(6).nullable().optional(),
      quality: z
        .strictObject({
          provincialAward: z.boolean().optional(),
          managementCertified: z.boolean().optional(),
          ownBrand: z.boolean().optional(),
          standards: z.boolean().optional(),
        })
        .default({}),
      description: optionalText(2000),
    })
    .default({ quality: {} }),
  featured: z
    .strictObject({
      /** 特色化指标 self-assessed (0–15; the district or the experts assess the final one). */
      featuredScore: z.number().min(0, '不能为负数').max(15, '特色化指标最高 15 分').nullable().optional(),
      description: optionalText(2000),
    })
    .default({}),
  innovation: z
    .strictObject({
      ip: z
        .strictObject({
          classI: count.optional(),
          classIHighValue: count.optional(),
          classISelfDeveloped: count.optional(),
          classII: count.optional(),
        })
        .default({}),
      rdInstitution: z.enum(['none', 'below_municipal', 'municipal', 'provincial', 'national']).nullable().optional(),
      awards: z.array(award).max(50).default([]),
      makerContest: award.nullable().optional(),
      description: optionalText(2000),
    })
    .default({ ip: {}, awards: [] }),
  other: z
    .strictObject({
      qualifications: z
        .strictObject({
          highTech: z.boolean().optional(),
          techSme: z.boolean().optional(),
          innovativeSme: z.boolean().optional(),
          srdiSme: z.boolean().optional(),
        })
        .default({}),
      /** 专精特新发展评价 score from the national platform (2026 rules). */
      developmentScore: z.number().min(0).max(100).nullable().optional(),
      note: optionalText(2000),
    })
    .default({ qualifications: {} }),
  /** 佐证材料: file ids per indicator id (or condition id). */
  evidence: z.record(z.string().min(1).max(64), z.array(uuid()).max(20, '每项最多 20 个附件')).default({}),
});
export type ApplicationForm = z.output<typeof applicationForm>;

export const createApplicationBody = z.strictObject({ roundId: uuid() });

export const saveDraftBody = z.strictObject({
  form: applicationForm,
  formVersion: z.number().int().positive(),
});

export const saveDraftResult = z.object({
  formVersion: z.number(),
  formSavedAt: z.string(),
  evaluation: tierResult,
});

/** POST …/actions: submit/withdraw (A), the officers' actions (R). */
export const actionBody = z.strictObject({
  action: z.enum(RECOGNITION_ACTIONS, '操作不正确'),
  reason: text(2000).optional(),
  reasonCode: z
    .enum(Object.keys(RETURN_REASONS) as [keyof typeof RETURN_REASONS, ...(keyof typeof RETURN_REASONS)[]], '退回原因不正确')
    .optional(),
  pledge: z.boolean().optional(),
});
export type ActionBody = z.output<typeof actionBody>;

/** The registry's data as frozen at submission (and as GET …/current returns it now). */
export const registrySnapshot = z.looseObject({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  industryCode: z.string().nullable(),
  sizeClass: z.string().nullable(),
  isSme: z.boolean().nullable(),
  years: z.array(z.looseObject({ year: z.number() })),
  titles: z.array(z.looseObject({ id: z.string(), tier: z.string(), status: z.string() })),
});

export type RegistrySnapshot = z.output<typeof registrySnapshot>;

export const applicationDetail = z.object({
  id: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  roundId: z.string(),
  round: z.object({ name: z.string(), tier: z.string(), type: z.string(), closesOn: z.string() }),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  tier: z.string(),
  tierLabel: z.string(),
  evaluation: tierResult.nullable(),
  form: z.custom<ApplicationForm>(() => true),
  formVersion: z.number(),
  formSavedAt: z.string().nullable(),
  /** `{ registry, form }` as submitted; null before. */
  frozen: z.object({ registry: registrySnapshot, form: z.custom<ApplicationForm>(() => true) }).nullable(),
  submittedAt: z.string().nullable(),
  districtDueOn: z.string().nullable(),
  overdue: z.boolean(),
  checklist: z.record(z.string(), z.unknown()),
  returnReasonCode: z.string().nullable(),
  returnReasonLabel: z.string().nullable(),
  returnReason: z.string().nullable(),
  expertScore: z.number().nullable(),
  expertScoreFlagged: z.boolean(),
  titleId: z.string().nullable(),
  files: z.array(z.object({ id: z.string(), name: z.string(), size: z.number(), type: z.string(), indicatorId: z.string().nullable() })),
  history: z.array(
    z.object({
      action: z.string(),
      actionLabel: z.string(),
      at: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      reasonCode: z.string().nullable(),
      reason: z.string().nullable(),
      actorName: z.string().nullable(),
    }),
  ),
  allowedActions: z.array(z.enum(RECOGNITION_ACTIONS)),
  version: z.number(),
});
export type ApplicationDetail = z.output<typeof applicationDetail>;

// ---- R: applications, review side ----

export const APPLICATION_SORTS = [
  'districtDueOn',
  '-districtDueOn',
  'submittedAt',
  '-submittedAt',
  'score',
  '-score',
  'expertScore',
  '-expertScore',
  'enterpriseName',
] as const;

const statusList = z
  .string()
  .max(300, '不能超过 300 个字符')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(RECOGNITION_STATUSES, '申报状态不正确')).max(12, '申报状态最多 12 个'));
const score = (label: string) =>
  z.coerce.number(`${label}应为 0～100 的整数`).int(`${label}应为整数`).min(0, `${label}不能小于 0`).max(100, `${label}不能大于 100`);

export const applicationListQuery = z.strictObject({
  roundId: uuid().optional(),
  status: statusList.optional().describe('申报状态，可用逗号分隔多个，如 submitted,returned'),
  tier: tier.optional(),
  scoreMin: score('最低分').optional(),
  scoreMax: score('最高分').optional(),
  industryCode: z
    .string()
    .regex(/^(\d{2}|[A-T])$/, '应为两位国民经济行业大类代码（如 39）或门类字母（如 C）')
    .optional(),
  districtCode: z.string().trim().min(1, '不能为空').max(16, '不是有效的区县代码').optional(),
  overdue: z
    .enum(['true', 'false'], '应为 true 或 false')
    .transform((v) => v === 'true')
    .optional()
    .describe('true：仅初审逾期（待区县初审且已过初审截止日）'),
  objection: z
    .enum(OBJECTION_STATES, `应为 ${OBJECTION_STATES.join('、')} 之一`)
    .optional()
    .describe('公示异议：open 待核查，upheld 成立，dismissed 不成立，none 无异议'),
  q: text(50).optional().describe('企业名称的任意部分或统一社会信用代码开头'),
  sort: z.enum(APPLICATION_SORTS, '排序方式不正确').default('districtDueOn'),
  ...paging,
});
export type ApplicationListQuery = z.output<typeof applicationListQuery>;

export const applicationListItem = z.object({
  id: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  tier: z.string(),
  tierLabel: z.string(),
  status: z.enum(RECOGNITION_STATUSES),
  statusLabel: z.string(),
  score: z.number().nullable(),
  outcome: z.string().nullable(),
  expertScore: z.number().nullable(),
  expertScoreFlagged: z.boolean(),
  submittedAt: z.string().nullable(),
  districtDueOn: z.string().nullable(),
  overdue: z.boolean(),
  returnReasonLabel: z.string().nullable(),
  returnReason: z.string().nullable(),
  objection: z.enum(OBJECTION_STATES),
});
export type ApplicationListItem = z.output<typeof applicationListItem>;

export const applicationPage = z.object({
  items: z.array(applicationListItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** 批量审核: at most this many applications per request. */
export const BATCH_MAX = 2000;

export const batchActionBody = z.strictObject({
  action: z.enum(['district_approve', 'city_approve'], '批量操作只能是 district_approve（初审通过）或 city_approve（复审通过）'),
  ids: z.array(uuid()).min(1, '请至少选择一份申报').max(BATCH_MAX, `每次最多批量审核 ${BATCH_MAX} 份申报`),
});
export type BatchActionBody = z.output<typeof batchActionBody>;

export const batchActionResult = z.object({ done: z.number() });

export const checklistBody = z.strictObject({
  creditChina: z.boolean('应为 true 或 false'),
  abnormalOperation: z.boolean('应为 true 或 false'),
  seriousDishonesty: z.boolean('应为 true 或 false'),
  onsiteCheck: z.boolean('应为 true 或 false'),
  note: text(1000, { min: 0 }).nullable().optional(),
});
export type ChecklistBody = z.output<typeof checklistBody>;

// ---- B: rounds, 公示, 公告, titles, revocation ----

/** A day of the recognition calendar: a real date between 2000 and 2100 (working days are computed from it). */
const day = isoDate.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', '日期应在 2000 年至 2100 年之间');

export const roundType = z.enum(['new', 'review'], '申报类型应为 new（新申报）或 review（复核）');
const days = (max: number, label: string) =>
  z.number(`${label}应为整数`).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(max, `${label}最多 ${max}`);

export const createRoundBody = z.strictObject({
  tier,
  type: roundType,
  year: z.number('年度应为整数').int('年度应为整数').min(2000, '年度应在 2000～2100 之间').max(2100, '年度应在 2000～2100 之间'),
  opensOn: day,
  closesOn: day,
  expertReview: z.boolean('是否专家评审应为 true 或 false'),
  publicityDays: days(30, '公示工作日天数').min(1, '公示至少 1 个工作日').default(5),
  continuous: z.boolean().default(false),
  cutoffDates: z.array(day).max(12, '截止批次日期最多 12 个').default([]),
  districtReviewDays: days(60, '区县初审工作日天数').default(6),
  expertsPerApplication: days(15, '每份申报的评审专家人数').min(1, '每份申报至少 1 名评审专家').default(3),
  scoreMethod: z.enum(['mean', 'median'], '计分方式应为 mean（平均分）或 median（中位数）').default('mean'),
  scoreMargin: days(100, '评分偏差提示阈值').default(15),
  ruleSet: text(64).optional(),
  ruleSetOverrideReason: text(500).optional(),
  name: text(100).optional(),
});
export type CreateRoundBody = z.output<typeof createRoundBody>;

export const ROUND_PHASE_VALUES = ['scheduled', 'open', 'reviewing', 'publicity', 'announced', 'recommended', 'closed'] as const;

export const round = z.object({
  id: z.string(),
  tier: z.string(),
  tierLabel: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  year: z.number(),
  name: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  continuous: z.boolean(),
  cutoffDates: z.array(z.string()),
  districtReviewDays: z.number(),
  districtReviewDueOn: z.string(),
  expertReview: z.boolean(),
  expertsPerApplication: z.number(),
  scoreMethod: z.string(),
  scoreMethodLabel: z.string(),
  scoreMargin: z.number(),
  publicityDays: z.number(),
  ruleSet: z.string(),
  ruleSetName: z.string(),
  ruleSetOverrideReason: z.string().nullable(),
  phase: z.enum(ROUND_PHASE_VALUES),
  phaseLabel: z.string(),
  publicityStartsOn: z.string().nullable(),
  publicityEndsOn: z.string().nullable(),
  announcedOn: z.string().nullable(),
  documentNo: z.string().nullable(),
  recommendedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  openingNotifiedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Years the due date ran through that nobody maintained in the working-day calendar. */
  unmaintainedYears: z.array(z.number()),
});
export type Round = z.output<typeof round>;

/** An enterprise's view of a round: its application there, and the precheck of whether it may apply. */
export const enterpriseRound = round.extend({
  myApplication: z.object({ id: z.string(), status: z.enum(RECOGNITION_STATUSES), statusLabel: z.string() }).nullable(),
  eligibility: z.object({ eligible: z.boolean(), reasons: z.array(z.string()) }),
});

export const roundListQuery = z.strictObject({
  year: z.coerce.number().int('年度应为整数').min(2000).max(2100).optional(),
  tier: tier.optional(),
  type: roundType.optional(),
  page: z.coerce.number().int().min(1, '页码从 1 开始').max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, '每页最多 200 条').default(50),
});

export const roundList = z.object({
  items: z.array(enterpriseRound.partial({ myApplication: true, eligibility: true })),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const roundDetail = enterpriseRound.partial({ myApplication: true, eligibility: true }).extend({
  counts: z.record(z.string(), z.number()),
});

export const ruleSetQuery = z.strictObject({ tier, type: roundType, date: day });
export const ruleSetAnswer = z.object({ ruleSet: z.string(), ruleSetName: z.string() });

export const publicityBody = z.strictObject({
  startsOn: day,
  applicationIds: z.array(uuid()).min(1, '请选择要公示的申报').max(20_000, '一次最多公示 20000 项'),
});
export const publicityResult = z.object({ endsOn: z.string(), unmaintainedYears: z.array(z.number()), count: z.number() });

export const publicityItem = z.object({
  applicationId: z.string(),
  enterpriseName: z.string(),
  districtName: z.string(),
  uscc: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  objection: z.enum(OBJECTION_STATES),
  objectionLabel: z.string(),
});
export const publicityList = z.object({
  items: z.array(publicityItem),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
});

export const announceBody = z.strictObject({ announcedOn: day, documentNo: text(100) });
export const announceResult = z.object({ recognised: z.number(), notRecognised: z.number() });

export const recommendBody = z.strictObject({ recommendedOn: day });
export const recommendResult = z.object({ recommended: z.number() });
export const closeRoundBody = z.strictObject({ closedOn: day });
export const closeRoundResult = z.object({ recognised: z.number(), notRecognised: z.number() });

export const REVOCATION_CATEGORY_VALUES = [
  'major_incident',
  'serious_dishonesty',
  'tax_violation',
  'data_falsification',
  'moved_out',
  'no_longer_sme',
  'other',
] as const;
export const revokeParams = z.strictObject({ id: uuid(), titleId: uuid() });
export const revokeBody = z.strictObject({
  category: z.enum(REVOCATION_CATEGORY_VALUES, '撤销类别不正确'),
  reason: text(2000),
  revokedOn: day,
  fileIds: z.array(uuid()).max(20, '最多 20 个附件').default([]),
});
export const revokedTitle = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  tier: z.string(),
  tierLabel: z.string(),
  level: z.string(),
  recognisedOn: z.string(),
  validUntil: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  certificateNo: z.string().nullable(),
  documentNo: z.string().nullable(),
  revokedOn: z.string().nullable(),
  revocationCategory: z.string().nullable(),
  revocationCategoryLabel: z.string().nullable(),
  revocationReason: z.string().nullable(),
  /** Applications are refused until this day (banning categories), else null. */
  banUntil: z.string().nullable(),
});

// ---- C: expert scoring (专家评审), objections (异议) ----

const listPage = {
  page: z.coerce.number().int().min(1, '页码从 1 开始').max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, '每页最多 200 条').default(50),
};

export const drawExpertsBody = z.strictObject({
  /** Experts per application; the round's setting when omitted. */
  perApplication: z.number().int('应为整数').min(1, '每项申报至少抽取 1 位专家').max(15, '每项申报最多抽取 15 位专家').optional(),
});

export const drawExpertsResult = z.object({
  /** Applications that got their experts (now 专家评审中). */
  assigned: z.number(),
  /** Experts replaced on items already in 专家评审 (a conflict of interest declared after the draw, …). */
  replaced: z.number(),
  /**
   * Items the pool could not staff in full: not assigned (still 初审通过), or, for a replacement,
   * the expert kept (the item waits for a wider pool).
   */
  shortfall: z.array(z.object({ applicationId: z.string(), enterpriseName: z.string(), found: z.number(), wanted: z.number() })),
});

export const REVIEW_STATES = ['pending', 'submitted'] as const;
export const REVIEW_STATE_LABELS = { pending: '待评审', submitted: '已提交' } as const;

export const myReviewsQuery = z.strictObject({
  status: z.enum(REVIEW_STATES, '状态应为 pending（待评审）或 submitted（已提交）').optional(),
  ...listPage,
});

export const myReviewList = z.object({
  items: z.array(
    z.object({
      applicationId: z.string(),
      enterpriseName: z.string(),
      tier: z.string(),
      tierLabel: z.string(),
      roundName: z.string(),
      submittedAt: z.string().nullable(),
      assignedAt: z.string(),
      status: z.enum(REVIEW_STATES),
      statusLabel: z.string(),
      /** Whether the review may still be changed (the application is still 专家评审中 and not submitted). */
      editable: z.boolean(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** A question the rules leave to a person (needs_review in the frozen evaluation). */
export const reviewQuestion = z.object({ id: z.string(), name: z.string(), question: z.string() });

export const reviewBody = z.strictObject({
  /** Answers to the review questions of the frozen evaluation, by question id (true = 符合). */
  answers: z.record(z.string().min(1).max(64), z.boolean('应为 true（符合）或 false（不符合）')).default({}),
  /** 特色化指标 (0–15), only where the rule set has that block (srdi-2022). */
  featuredScore: z
    .number()
    .int('特色化指标评分应为整数')
    .min(0, '特色化指标评分不能为负数')
    .max(15, '特色化指标最高 15 分')
    .nullable()
    .optional(),
  score: z.number('请填写评分').int('评分应为整数').min(0, '评分不能为负数').max(100, '评分最高 100 分'),
  opinion: text(4000, { min: 0 }),
  /** true: submit (final); false: save as a draft. */
  submit: z.boolean(),
});
export type ReviewBody = z.output<typeof reviewBody>;

export const reviewResult = z.object({
  submitted: z.boolean(),
  /** The application's final expert score once every drawn expert submitted (else null). */
  expertScore: z.number().nullable(),
  expertScoreFlagged: z.boolean(),
});

/** The expert's own review of an application (to continue a draft), with what it must answer. */
export const myReview = z.object({
  applicationId: z.string(),
  questions: z.array(reviewQuestion),
  featuredApplicable: z.boolean(),
  answers: z.record(z.string(), z.boolean()),
  featuredScore: z.number().nullable(),
  score: z.number().nullable(),
  opinion: z.string().nullable(),
  submittedAt: z.string().nullable(),
  editable: z.boolean(),
});

export const applicationReviews = z.object({
  items: z.array(
    z.object({
      expertName: z.string(),
      organization: z.string(),
      score: z.number().nullable(),
      featuredScore: z.number().nullable(),
      opinion: z.string().nullable(),
      answers: z.record(z.string(), z.boolean()),
      submittedAt: z.string().nullable(),
      flagged: z.boolean(),
    }),
  ),
  questions: z.array(reviewQuestion),
  scoreMethod: z.enum(['mean', 'median']),
  scoreMethodLabel: z.string(),
  scoreMargin: z.number(),
  expertScore: z.number().nullable(),
  expertScoreFlagged: z.boolean(),
});

export const OBJECTION_CHANNELS = ['phone', 'visit', 'written'] as const;
export const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;

export const objectionBody = z.strictObject({
  channel: z.enum(OBJECTION_CHANNELS, '异议渠道应为 phone（实名来电）、visit（来访）或 written（书面）'),
  objectorName: text(50),
  objectorContact: text(100),
  facts: text(4000),
  receivedOn: isoDate,
  fileIds: z.array(uuid()).max(20, '最多 20 个附件').default([]),
});
export type ObjectionBody = z.output<typeof objectionBody>;

export const findingBody = z.strictObject({
  finding: z.enum(['upheld', 'dismissed'], '核查结论应为 upheld（成立）或 dismissed（不成立）'),
  reason: text(2000),
});
export type FindingBody = z.output<typeof findingBody>;

export const objection = z.object({
  id: z.string(),
  applicationId: z.string(),
  channel: z.enum(OBJECTION_CHANNELS),
  channelLabel: z.string(),
  objectorName: z.string(),
  objectorContact: z.string(),
  facts: z.string(),
  receivedOn: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  statusLabel: z.string(),
  findingReason: z.string().nullable(),
  foundAt: z.string().nullable(),
  foundByName: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
  files: z.array(fileInfo),
});
export type Objection = z.output<typeof objection>;

export const objectionListQuery = z.strictObject({ ...listPage });
export const objectionList = z.object({ items: z.array(objection), total: z.number(), page: z.number(), pageSize: z.number() });

// ---- D: annual update (年度信息更新), 有进有出, title story ----

const pageParams = {
  page: z.coerce.number().int().min(1, '页码从 1 开始').max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, '每页最多 200 条').default(20),
};
const dataYear = z.coerce.number().int('年度应为整数').min(2000, '年度应在 2000 年之后').max(2100, '年度应在 2100 年之前');

export const dataYearParams = z.strictObject({ dataYear });
export const deadlineBody = z.strictObject({ dueOn: isoDate });
/** A data year's deadline: the city's setting, else the rule regime's default (shown beside it). */
export const annualDeadline = z.object({
  dataYear: z.number(),
  dueOn: z.string(),
  defaultDueOn: z.string(),
  source: z.enum(['setting', 'default']),
});

/** One year's figures of the annual update, as the registry keeps them (whole yuan, head counts). */
export const annualFigures = z.strictObject({
  revenue: yuan.min(0, '不能为负数').nullable().optional(),
  mainRevenue: yuan.min(0, '不能为负数').nullable().optional(),
  totalProfit: yuan.nullable().optional(),
  netProfit: yuan.nullable().optional(),
  totalAssets: yuan.min(0, '不能为负数').nullable().optional(),
  totalLiabilities: yuan.min(0, '不能为负数').nullable().optional(),
  rdExpense: yuan.min(0, '不能为负数').nullable().optional(),
  employees: count.nullable().optional(),
  rdStaff: count.nullable().optional(),
  exports: yuan.min(0, '不能为负数').nullable().optional(),
  taxesPaid: yuan.min(0, '不能为负数').nullable().optional(),
  equityFinancing: yuan.min(0, '不能为负数').nullable().optional(),
});
export type AnnualFigures = z.output<typeof annualFigures>;
export const annualUpdateBody = z.strictObject({ figures: annualFigures });

const annualStatus = z.enum(['done', 'pending', 'late', 'not_required']);
export const annualDue = z.object({
  dataYear: z.number(),
  dueOn: z.string(),
  status: annualStatus,
  statusLabel: z.string(),
  submittedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
});
const figuresOut = z.record(z.string(), z.number().nullable());
/** GET /api/recognition/annual-updates/me: the year due, its figures pre-filled from the registry, the past updates. */
export const myAnnualUpdate = z.object({
  holder: z.boolean(),
  /** Why the form is closed (no valid title), in Chinese; null for a holder. */
  notHolderReason: z.string().nullable(),
  title: z
    .object({ id: z.string(), tier: z.string(), tierLabel: z.string(), recognisedOn: z.string(), validUntil: z.string().nullable() })
    .nullable(),
  due: annualDue,
  figures: figuresOut,
  history: z.array(annualDue),
});
export const annualUpdateResult = z.object({ changed: z.boolean(), due: annualDue, figures: figuresOut });

export const annualUpdateListQuery = z.strictObject({
  dataYear: dataYear.optional(),
  districtCode: z.string().trim().max(16).optional(),
  status: z.enum(['missing', 'done'], '状态应为 missing（未更新）或 done（已更新）').optional(),
  ...pageParams,
});
export const annualUpdateList = z.object({
  dataYear: z.number(),
  dueOn: z.string(),
  items: z.array(
    z.object({
      enterpriseId: z.string(),
      enterpriseName: z.string(),
      uscc: z.string(),
      districtCode: z.string(),
      districtName: z.string(),
      tier: z.string(),
      tierLabel: z.string(),
      status: annualStatus,
      statusLabel: z.string(),
      submittedAt: z.string().nullable(),
      onTime: z.boolean().nullable(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const flowsQuery = z.strictObject({
  year: dataYear,
  districtCode: z.string().trim().max(16).optional(),
});
/** 有进有出 of a year: per district and tier, titles that entered (recognised), left (revoked or expired) and held at year end. */
export const flowsResult = z.object({
  year: z.number(),
  rows: z.array(
    z.object({
      districtCode: z.string(),
      districtName: z.string(),
      tier: z.string(),
      tierLabel: z.string(),
      entered: z.number(),
      left: z.number(),
      revoked: z.number(),
      expired: z.number(),
      /** Passed 复核: the title continued by a new one (neither entered nor left). */
      renewed: z.number(),
      heldAtYearEnd: z.number(),
    }),
  ),
});

const storyEvent = z.object({ on: z.string(), kind: z.string(), label: z.string(), detail: z.string().nullable() });
/** GET /api/recognition/enterprises/:id/story: every title with its events, and the applications with their history. */
export const titleStory = z.object({
  titles: z.array(
    z.object({
      id: z.string(),
      tier: z.string(),
      tierLabel: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      recognisedOn: z.string(),
      validUntil: z.string().nullable(),
      documentNo: z.string().nullable(),
      certificateNo: z.string().nullable(),
      revokedOn: z.string().nullable(),
      revocationCategoryLabel: z.string().nullable(),
      revocationReason: z.string().nullable(),
      events: z.array(storyEvent),
    }),
  ),
  applications: z.array(
    z.object({
      id: z.string(),
      roundName: z.string(),
      tier: z.string(),
      tierLabel: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      history: z.array(
        z.object({
          action: z.string(),
          actionLabel: z.string(),
          at: z.string(),
          fromStatus: z.string().nullable(),
          toStatus: z.string(),
          reasonCode: z.string().nullable(),
          reason: z.string().nullable(),
          actorName: z.string().nullable(),
        }),
      ),
    }),
  ),
});
