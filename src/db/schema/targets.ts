import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises.js';
import { districts } from './reference.js';
import { users } from './users.js';

// 目标考核与定期通报 (issue 12): the targets per unit, indicator and year; the listing record of an
// enterprise (a registry fact the targets and, later, the rewards count); the 通报 settings and the
// published 通报, frozen.

/**
 * A target (目标): the city's (unit_code null) or a district's / functional zone's, for one indicator
 * and year. `measure` says what progress counts: 'stock' = enterprises holding it at the date
 * (valid titles, qualifications, honours, listed); 'new' = obtained since `baseline_on` (新增).
 * Progress is computed from the registry and recognition, never stored.
 */
export const targets = pgTable(
  'targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** city | district */
    level: text('level').notNull(),
    /** The district or zone; null for the city. */
    unitCode: text('unit_code').references(() => districts.code),
    /** A key of the indicator list in src/domain/targets (innovative, srdi, little_giant, tech_sme, …). */
    indicator: text('indicator').notNull(),
    /** stock | new */
    measure: text('measure').notNull().default('stock'),
    /** The target year: progress is due by its 31 December. */
    year: integer('year').notNull(),
    /** The period's start, for pro-rata progress and for 'new' counts. */
    baselineOn: date('baseline_on').notNull(),
    value: integer('value').notNull(),
    /** 文号 of the document that set it (渝府办发〔2022〕23号), or null for a split made by an officer. */
    documentNo: text('document_no'),
    /** published (from a document) | split (an officer's split of the city target) | manual */
    source: text('source').notNull().default('manual'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One target per unit (the city as ''), indicator and year.
    uniqueIndex('targets_unit_indicator_year').on(sql`coalesce(${t.unitCode}, '')`, t.indicator, t.year),
    index('targets_year_idx').on(t.year),
  ],
);

/**
 * The listing record (上市进程) of an enterprise: one row per stage reached, with its date.
 * stage: shareholding_reform 股改 | quoted 挂牌 | tutoring_filed 辅导备案 | application_accepted 申报受理 | listed 上市.
 */
export const enterpriseListings = pgTable(
  'enterprise_listings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    reachedOn: date('reached_on').notNull(),
    /** Exchange or market (上交所科创板, 北交所, 重庆股份转让中心 …), free text. */
    market: text('market'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('enterprise_listings_stage').on(t.enterpriseId, t.stage), index('enterprise_listings_stage_idx').on(t.stage, t.reachedOn)],
);

/** The settings of the 定期通报 (indicators, weights, cap, bands): one row, validated by the module. */
export const bulletinSettings = pgTable('bulletin_settings', {
  id: text('id').primaryKey().default('default'),
  values: jsonb('values').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A published 通报: frozen. `snapshot` holds every unit's score, rank, change and the figures behind
 * each score as computed at publication; nothing is recomputed afterwards. A correction is a new row
 * for the same period with the next `revision` and `corrects_id` naming the one it corrects.
 */
export const bulletins = pgTable(
  'bulletins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** month | quarter */
    periodKind: text('period_kind').notNull(),
    /** '2026-11' or '2026-Q3' */
    period: text('period').notNull(),
    revision: integer('revision').notNull().default(0),
    correctsId: uuid('corrects_id'),
    title: text('title').notNull(),
    documentNo: text('document_no'),
    /** The day the figures are as of. */
    asOf: date('as_of').notNull(),
    /** The settings in force at publication (weights …). */
    settings: jsonb('settings').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('bulletins_period_revision').on(t.periodKind, t.period, t.revision), index('bulletins_published_idx').on(t.publishedAt)],
);
