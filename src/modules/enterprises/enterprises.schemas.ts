import { z } from 'zod';
import { TIERS, YEAR_FIELDS } from '../../domain/enterprise-rules.js';
import { REVIEW_QUESTION_IDS } from '../../domain/evaluation/reviews.js';
import { checkFactDate, checkPhone, checkScore, checkYuan, type FieldProblem, TEXT_MAX } from '../../domain/field-rules.js';
import { HONOUR_KINDS } from '../../domain/honours.js';
import { LISTING_STATUS_LABELS } from '../../domain/labels.js';
import { LISTING_STAGES } from '../../domain/listing-stages.js';
import { paging, text, uuid } from '../../server/validation.js';

export const LISTING_STATUSES = ['unlisted', 'preparing', 'neeq', 'bse', 'main_board', 'star', 'gem', 'overseas'] as const;
export const LISTING_LABELS = LISTING_STATUS_LABELS as Record<(typeof LISTING_STATUSES)[number], string>;
export const RD_INSTITUTION_LEVELS = ['none', 'below_municipal', 'municipal', 'provincial', 'national'] as const;

/** A schema that also passes its value through a field rule (domain/field-rules.ts), in the rule's words. */
function ruled<T extends z.ZodType>(schema: T, check: (value: z.output<T>) => FieldProblem | null): T {
  return schema.superRefine((value, ctx) => {
    const problem = check(value as z.output<T>);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { code: problem.code } });
  }) as T;
}

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
/** A date of fact within 1900–2100; "not in the future" and the other rules are the use case's (save-enterprise.ts). */
const factDate = ruled(isoDate, (d) => checkFactDate(d));
const score = (max: number) => ruled(z.number(), (v) => checkScore(v, max));
const count = z.number().int('应为整数').min(0, '不能为负数');

/** Facts the evaluation needs (criteria.md §1–§3, §6), as the enterprise or an officer declares them. */
export const enterpriseFacts = z.strictObject({
  ip: z.strictObject({ classI: count, classIHighValue: count, classISelfDeveloped: count, classII: count }).partial().optional(),
  rdInstitution: z.enum(RD_INSTITUTION_LEVELS).optional(),
  awards: z
    .array(
      z.strictObject({
        level: z.enum(['national', 'provincial']),
        rank: z.number().int().min(1).max(20),
        year: z.number().int().min(1949).max(2100),
      }),
    )
    .max(50)
    .optional(),
  makerContest: z
    // The shape the evaluation reads (domain MakerContest): a free-text result broke the self-assessment prefill.
    .strictObject({
      level: z.enum(['national', 'provincial']),
      rank: z.number().int().min(1).max(1000),
      year: z.number().int().min(2012).max(2100),
    })
    .nullable()
    .optional(),
  digitalLevel: z.number().int().min(0).max(6).optional(),
  quality: z
    .strictObject({ provincialAward: z.boolean(), managementCertified: z.boolean(), ownBrand: z.boolean(), standards: z.boolean() })
    .partial()
    .optional(),
  nicheMarketShare: z.number().min(0, '不能为负数').max(100, '不能超过 100%').optional(),
  domesticRank: z.number().int().min(1).max(10_000).optional(),
  mainProductField: z.enum(['strategic_emerging', 'key_chain', 'six_basics', 'other']).optional(),
  /** 专精特新发展评价 score from the national platform (2026 rules: SRDI ≥ 50, little giant ≥ 60). */
  developmentScore: score(100).optional(),
  /** Chongqing 特色化 block of the 2022 SRDI table, as the district assessed it (0–15). */
  featuredScore: score(15).optional(),
  /** Officers' answers to the questions the rules leave to a person (REVIEW_QUESTIONS), by question id. */
  reviewerAnswers: z.partialRecord(z.enum(REVIEW_QUESTION_IDS), z.boolean()).optional(),
});

// Limits and words from domain/field-rules.ts, as the import checks them (parse-rows.ts).
const enterpriseFields = {
  name: text(TEXT_MAX.name),
  districtCode: z.string().trim().max(16),
  zoneCode: z.string().trim().max(16).nullable().optional(),
  industryCode: z.string().regex(/^\d{2}$/, '应为两位国民经济行业大类代码，如 "39"'),
  clusterCode: z.string().max(8).nullable().optional(),
  establishedOn: factDate,
  registeredCapital: ruled(z.number(), (v) => checkYuan(v))
    .nullable()
    .optional(),
  legalRepresentative: text(TEXT_MAX.legalRepresentative).nullable().optional(),
  address: text(TEXT_MAX.address).nullable().optional(),
  mainProduct: text(TEXT_MAX.mainProduct).nullable().optional(),
  nicheMarket: text(TEXT_MAX.nicheMarket).nullable().optional(),
  /** Its range (not after this year, not before the founding) is checked with the stored record (save-enterprise.ts). */
  nicheEntryYear: z.number().int().nullable().optional(),
  listingStatus: z.enum(LISTING_STATUSES).optional(),
  contactName: text(TEXT_MAX.contactName).nullable().optional(),
  contactPhone: ruled(z.string().trim(), checkPhone).nullable().optional(),
  facts: enterpriseFacts.optional(),
};

/** Column limits (integer head counts, bigint yuan) are checked with the year's other rules (checkYearValues). */
const yearValue = z.number().int('以元为单位的整数').nullable().optional();
export const yearInput = z.strictObject({
  year: z.number().int(),
  ...Object.fromEntries(YEAR_FIELDS.map((f) => [f, yearValue])),
}) as z.ZodType<{ year: number } & Partial<Record<(typeof YEAR_FIELDS)[number], number | null>>>;

export const createEnterpriseBody = z.strictObject({
  uscc: z.string().trim().max(30),
  /** City administrators only: accept a real legacy code whose check digit fails, with the reason. */
  usccOverrideReason: text(200).optional(),
  ...enterpriseFields,
  years: z.array(yearInput).max(30).optional(),
});

export const updateEnterpriseBody = z.strictObject({
  version: z.number().int().positive(),
  uscc: z.string().trim().max(30).optional(),
  usccOverrideReason: text(200).optional(),
  ...Object.fromEntries(Object.entries(enterpriseFields).map(([k, v]) => [k, (v as z.ZodType).optional()])),
  years: z.array(yearInput).max(30).optional(),
}) as unknown as z.ZodType<
  { version: number; uscc?: string; usccOverrideReason?: string; years?: z.infer<typeof yearInput>[] } & Partial<
    z.infer<typeof createEnterpriseBody>
  >
>;

export const SORTS = ['name', '-name', 'established', '-established', 'revenue', '-revenue', 'updated', '-updated'] as const;

export const listQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  district: z.string().max(16).optional(),
  zone: z.string().max(16).optional(),
  tier: z.enum([...TIERS, 'none']).optional(),
  /** Holds a valid title of this tier today (an enterprise may hold two): the cockpit's title counts. */
  title: z.enum(TIERS).optional(),
  /** Holds a valid title (not under 复核) whose validity ends between today and this day: the workbench's 称号即将到期. */
  titleExpiresBy: isoDate.optional(),
  /** With `title`: new since this day — it held no title of the tier recognised before it (目标考核 新增). */
  titleSince: isoDate.optional(),
  /** Holds a qualification or honour of this kind (高新技术企业, 数字化车间 …) at the day. */
  honour: z.enum(HONOUR_KINDS).optional(),
  /** With `honour`: obtained on or after this day, none of the kind before it. */
  honourSince: isoDate.optional(),
  /** Reached this stage of the listing record (上市进程) by the day. */
  listingStage: z.enum(LISTING_STAGES).optional(),
  /** With `listingStage`: reached on or after this day. */
  listingSince: isoDate.optional(),
  /** The day `title`, `honour` and `listingStage` look at (DEFAULT today): a past year's target progress. */
  on: isoDate.optional(),
  industry: z
    .string()
    .regex(/^([A-T]|\d{2})$/, '行业应为门类字母（如 C）或大类代码（如 39）')
    .optional(),
  cluster: z.string().max(8).optional(),
  size: z.enum(['large', 'medium', 'small', 'micro']).optional(),
  establishedFrom: z.coerce.number().int().min(1900).max(2100).optional(),
  establishedTo: z.coerce.number().int().min(1900).max(2100).optional(),
  sort: z.enum(SORTS).optional(),
  ...paging,
});
export type ListQuery = z.infer<typeof listQuery>;

export const idParams = z.strictObject({ id: uuid() });

export const listItem = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  zoneCode: z.string().nullable(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  clusterCode: z.string().nullable(),
  establishedOn: z.string().nullable(),
  sizeClass: z.string().nullable(),
  currentTier: z.string().nullable(),
  latestYear: z.number().nullable(),
  latestRevenue: z.number().nullable(),
  version: z.number(),
});

const yearValues = z.record(z.string(), z.number().nullable());
const historyEntry = z.looseObject({
  id: z.number(),
  at: z.date(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
});

/** The enterprise page (GET /api/enterprises/:id): the record, years with year-on-year change, titles, honours, history. */
export const enterpriseDetail = z.looseObject({
  id: z.string(),
  version: z.number(),
  uscc: z.string(),
  usccOverrideReason: z.string().nullable(),
  name: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  zoneCode: z.string().nullable(),
  zoneName: z.string().nullable(),
  industryCode: z.string().nullable(),
  clusterCode: z.string().nullable(),
  establishedOn: z.string().nullable(),
  registeredCapital: z.number().nullable(),
  legalRepresentative: z.string().nullable(),
  address: z.string().nullable(),
  mainProduct: z.string().nullable(),
  nicheMarket: z.string().nullable(),
  nicheEntryYear: z.number().nullable(),
  listingStatus: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** Stored after enterpriseFacts checked it (older records may lack newer keys): not checked again on the way out. */
  facts: z.custom<z.output<typeof enterpriseFacts>>(() => true),
  sizeClass: z.string().nullable(),
  sizeClassLabel: z.string().nullable(),
  isSme: z.boolean().nullable(),
  currentTier: z.string().nullable(),
  years: z.array(z.looseObject({ year: z.number(), yoy: yearValues })),
  titles: z.array(
    z.looseObject({
      id: z.string(),
      tier: z.string(),
      level: z.string(),
      batch: z.string().nullable(),
      recognisedOn: z.string(),
      validUntil: z.string().nullable(),
      /** valid | under_review (复核 under way: still held) | expired | revoked */
      status: z.string(),
      certificateNo: z.string().nullable(),
      /** 公告/认定文号 (titles granted by a recognition round; imported ones may have none). */
      documentNo: z.string().nullable(),
    }),
  ),
  honours: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      level: z.string().nullable(),
      obtainedOn: z.string().nullable(),
      validUntil: z.string().nullable(),
    }),
  ),
  history: z.array(historyEntry),
});

export type EnterpriseFacts = z.output<typeof enterpriseFacts>;
export const enterpriseList = z.object({ items: z.array(listItem), total: z.number() });

// 上市进程 (issue 12): the listing record of an enterprise, one entry per stage reached.
export const listingParams = z.strictObject({ id: uuid(), stage: z.string().max(40) });
export const listingBody = z.strictObject({
  /** The day the stage was reached (not in the future). */
  reachedOn: z.iso.date('日期格式应为 YYYY-MM-DD'),
  /** Exchange or market (上交所科创板, 北交所, 重庆股份转让中心 …). */
  market: text(60).nullable().optional(),
  note: text(500).nullable().optional(),
});
export type ListingInput = z.output<typeof listingBody>;
export const listingRecord = z.object({
  enterpriseId: z.string(),
  /** Whether the reader may record and remove stages (the city, the enterprise's district). */
  editable: z.boolean(),
  stages: z.array(z.object({ key: z.string(), label: z.string() })),
  items: z.array(
    z.object({
      stage: z.string(),
      stageLabel: z.string(),
      reachedOn: z.string(),
      market: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type ListingRecordView = z.output<typeof listingRecord>;
