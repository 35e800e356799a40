import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises.js';
import { districts, industries } from './reference.js';
import { users } from './users.js';

/** 专家库: the experts the city keeps, each optionally linked to the account it logs in with. */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** 国民经济行业分类 大类 (GB/T 4754 division, two digits): the expert's field. */
    industryCode: text('industry_code')
      .notNull()
      .references(() => industries.code),
    organization: text('organization').notNull(),
    /** 区县 (and functional zones) the expert serves; district assignments must be among them. */
    districtCodes: text('district_codes').array().notNull().default(sql`'{}'::text[]`),
    contactPhone: text('contact_phone'),
    /** The expert's login (role expert); one account per expert. */
    userId: uuid('user_id')
      .unique()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('experts_industry_idx').on(t.industryCode)],
);

/** Declared conflicts of interest (利益冲突): the expert is never assigned to, nor reaches, that enterprise. */
export const expertConflicts = pgTable(
  'expert_conflicts',
  {
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.expertId, t.enterpriseId] }), index('expert_conflicts_enterprise_idx').on(t.enterpriseId)],
);

/**
 * Who serves whom. kind 'enterprise': point-to-point, one expert ↔ one 小巨人 enterprise.
 * kind 'district': one expert ↔ the 专精特新 enterprises of a district, kept as the district (not
 * a copy of today's enterprises) so that an enterprise registered or recognised later is covered.
 */
export const expertAssignments = pgTable(
  'expert_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'enterprise' | 'district'>().notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id, { onDelete: 'cascade' }),
    districtCode: text('district_code').references(() => districts.code),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('expert_assignments_enterprise_uq').on(t.expertId, t.enterpriseId),
    unique('expert_assignments_district_uq').on(t.expertId, t.districtCode),
    index('expert_assignments_enterprise_idx').on(t.enterpriseId),
    index('expert_assignments_district_idx').on(t.districtCode),
    check(
      'expert_assignments_kind_ck',
      sql`(${t.kind} = 'enterprise' and ${t.enterpriseId} is not null and ${t.districtCode} is null) or (${t.kind} = 'district' and ${t.districtCode} is not null and ${t.enterpriseId} is null)`,
    ),
  ],
);

/** 服务记录: a visit or piece of advice by an expert to an enterprise it serves. */
export const expertVisits = pgTable(
  'expert_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    visitedOn: date('visited_on').notNull(),
    /** onsite 现场 | online 线上 | phone 电话 */
    form: text('form').$type<'onsite' | 'online' | 'phone'>().notNull(),
    topic: text('topic').notNull(),
    advice: text('advice').notNull(),
    followUp: text('follow_up'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('expert_visits_enterprise_idx').on(t.enterpriseId, t.visitedOn),
    index('expert_visits_expert_idx').on(t.expertId, t.visitedOn),
  ],
);
