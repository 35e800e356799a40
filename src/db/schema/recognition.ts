import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { enterprises, enterpriseTitles } from './enterprises.js';
import { experts } from './experts.js';
import { districts } from './reference.js';
import { users } from './users.js';

/**
 * 申报批次: one call for applications of one tier and type in a year, with its settings (the
 * DEFAULTs of capabilities.md §1.3 are column defaults, changed per round by the city).
 */
export const recognitionRounds = pgTable(
  'recognition_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** innovative | srdi | little_giant */
    tier: text('tier').$type<'innovative' | 'srdi' | 'little_giant'>().notNull(),
    /** new 新申报 | review 复核 */
    type: text('type').$type<'new' | 'review'>().notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    /** 创新型: intake open all year, reviewed and announced at each cut-off date. */
    continuous: boolean('continuous').notNull().default(false),
    cutoffDates: date('cutoff_dates').array().notNull().default(sql`'{}'::date[]`),
    /** District review (初审) due this many working days after the close (or the cut-off). */
    districtReviewDays: integer('district_review_days').notNull().default(6),
    expertReview: boolean('expert_review').notNull().default(false),
    expertsPerApplication: integer('experts_per_application').notNull().default(3),
    /** mean | median: how the experts' scores make the final score. */
    scoreMethod: text('score_method').$type<'mean' | 'median'>().notNull().default('mean'),
    /** A score further than this many points from the others' mean is flagged. */
    scoreMargin: integer('score_margin').notNull().default(15),
    publicityDays: integer('publicity_days').notNull().default(5),
    /** The rule set that judges the applications (evaluation's selectRuleSet unless overridden). */
    ruleSet: text('rule_set').notNull(),
    ruleSetOverrideReason: text('rule_set_override_reason'),
    publicityStartsOn: date('publicity_starts_on'),
    publicityEndsOn: date('publicity_ends_on'),
    announcedOn: date('announced_on'),
    documentNo: text('document_no'),
    /** 小巨人: the city recommends to MIIT, then records MIIT's list and closes the round. */
    recommendedOn: date('recommended_on'),
    closedOn: date('closed_on'),
    /** When the opening messages and invitations went out (once, at the opening day). */
    openingNotifiedAt: timestamp('opening_notified_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recognition_rounds_year_idx').on(t.year, t.tier)],
);

/**
 * 申报: an enterprise's application in a round. The draft form lives in `form`; on submission the
 * registry data and the evaluation are frozen into `frozen` and `evaluation`.
 */
export const recognitionApplications = pgTable(
  'recognition_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => recognitionRounds.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** The enterprise's district (and zone) when it applied: the reviewing district, and the scope. */
    districtCode: text('district_code')
      .notNull()
      .references(() => districts.code),
    zoneCode: text('zone_code').references(() => districts.code),
    tier: text('tier').$type<'innovative' | 'srdi' | 'little_giant'>().notNull(),
    /** See RECOGNITION_STATUSES in src/domain/recognition/statuses.ts. */
    status: text('status').notNull().default('draft'),
    /** The form as the enterprise fills it, per tab; saved automatically. */
    form: jsonb('form').notNull().default(sql`'{}'::jsonb`),
    formVersion: integer('form_version').notNull().default(1),
    formSavedAt: timestamp('form_saved_at', { withTimezone: true }),
    /** Registry data and form as submitted; later registry edits do not change it. */
    frozen: jsonb('frozen'),
    /** The evaluation (TierResult) of the frozen data under the round's rule set. */
    evaluation: jsonb('evaluation'),
    outcome: text('outcome'),
    /** Self-evaluation score at submission (null where the rule set has no score). */
    score: integer('score'),
    industryCode: text('industry_code'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    pledgedAt: timestamp('pledged_at', { withTimezone: true }),
    districtDueOn: date('district_due_on'),
    /** District checklist: 信用中国, 经营异常, 严重失信 checked, 实地抽查 done, with a note. */
    checklist: jsonb('checklist').notNull().default(sql`'{}'::jsonb`),
    /** The last return (to the enterprise or the district), shown on the status list. */
    returnReasonCode: text('return_reason_code'),
    returnReason: text('return_reason'),
    /** Experts' final score (mean or median of the submitted scores) and whether one differs too far. */
    expertScore: integer('expert_score'),
    expertScoreFlagged: boolean('expert_score_flagged').notNull().default(false),
    /** The 复核 application's title under review; the title granted on recognition. */
    reviewedTitleId: uuid('reviewed_title_id').references(() => enterpriseTitles.id),
    titleId: uuid('title_id').references(() => enterpriseTitles.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('recognition_applications_round_enterprise_uq').on(t.roundId, t.enterpriseId),
    index('recognition_applications_review_idx').on(t.roundId, t.districtCode, t.status),
    index('recognition_applications_district_idx').on(t.districtCode, t.status),
    index('recognition_applications_enterprise_idx').on(t.enterpriseId),
  ],
);

/** Every transition of an application, written in the transaction of the transition. */
export const recognitionHistory = pgTable(
  'recognition_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => recognitionApplications.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reasonCode: text('reason_code'),
    reason: text('reason'),
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recognition_history_application_idx').on(t.applicationId, t.at)],
);

/** 专家评审: an expert drawn at random for an application, and what it answered and scored. */
export const recognitionExpertReviews = pgTable(
  'recognition_expert_reviews',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => recognitionApplications.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    /** Answers to the review questions the rules leave to a person, by question id. */
    answers: jsonb('answers').notNull().default(sql`'{}'::jsonb`),
    featuredScore: integer('featured_score'),
    score: integer('score'),
    opinion: text('opinion'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    flagged: boolean('flagged').notNull().default(false),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.expertId] }), index('recognition_expert_reviews_expert_idx').on(t.expertId)],
);

/** 异议: an objection to an item in 公示; an open one freezes the item, an upheld one removes it. */
export const recognitionObjections = pgTable(
  'recognition_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => recognitionApplications.id, { onDelete: 'cascade' }),
    /** phone 实名来电 | visit 来访 | written 书面 */
    channel: text('channel').$type<'phone' | 'visit' | 'written'>().notNull(),
    objectorName: text('objector_name').notNull(),
    objectorContact: text('objector_contact').notNull(),
    facts: text('facts').notNull(),
    receivedOn: date('received_on').notNull(),
    /** open 待核查 | upheld 成立 | dismissed 不成立 */
    status: text('status').$type<'open' | 'upheld' | 'dismissed'>().notNull().default('open'),
    findingReason: text('finding_reason'),
    foundAt: timestamp('found_at', { withTimezone: true }),
    foundBy: uuid('found_by').references(() => users.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recognition_objections_application_idx').on(t.applicationId)],
);

/** 年度信息更新: an enterprise holding a valid title updated the figures of a year. */
export const annualUpdates = pgTable(
  'annual_updates',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    /** The year whose figures were updated (updated in the following year). */
    dataYear: integer('data_year').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    /** Whether it came in by the deadline of that year. */
    onTime: boolean('on_time').notNull(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.dataYear] })],
);

/** The deadline of the annual update of one data year, where the city set one (else the rule version's). */
export const annualUpdateDeadlines = pgTable('annual_update_deadlines', {
  dataYear: integer('data_year').primaryKey(),
  dueOn: date('due_on').notNull(),
  setBy: uuid('set_by').references(() => users.id),
  setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The reminders of the annual update sent (30, 7 and 1 days before the deadline): one row per
 * enterprise, data year and threshold, so that the daily sweep never tells an enterprise twice.
 */
export const annualUpdateReminders = pgTable(
  'annual_update_reminders',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    dataYear: integer('data_year').notNull(),
    /** 30, 7 or 1: how many days before the deadline the reminder is for. */
    daysBefore: integer('days_before').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.dataYear, t.daysBefore] })],
);

/**
 * The daily reminders of overdue district reviews (初审逾期) sent: one row per district and day, so
 * that a sweep retried on the same day never tells a district twice.
 */
export const recognitionOverdueReminders = pgTable(
  'recognition_overdue_reminders',
  {
    districtCode: text('district_code')
      .notNull()
      .references(() => districts.code),
    day: date('day').notNull(),
    overdue: integer('overdue').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.day] })],
);
