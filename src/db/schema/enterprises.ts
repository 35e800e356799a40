import { sql } from 'drizzle-orm';
import { bigint, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { clusters, districts, industries } from './reference.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const money = (name: string) => bigint(name, { mode: 'number' });

/** The enterprise registry (企业库). Scope hangs on district_code / zone_code. */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uscc: text('uscc').notNull().unique(),
    /** Set when a city administrator accepted a real legacy code that fails the check digit. */
    usccOverrideReason: text('uscc_override_reason'),
    name: text('name').notNull(),
    districtCode: text('district_code')
      .notNull()
      .references(() => districts.code),
    zoneCode: text('zone_code').references(() => districts.code),
    /** 国民经济行业分类 大类 (two digits). */
    industryCode: text('industry_code').references(() => industries.code),
    /** Sector of the SME size rules, derived from the industry. */
    sector: text('sector').notNull().default('other'),
    clusterCode: text('cluster_code').references(() => clusters.code),
    establishedOn: date('established_on'),
    registeredCapital: money('registered_capital'),
    legalRepresentative: text('legal_representative'),
    address: text('address'),
    mainProduct: text('main_product'),
    nicheMarket: text('niche_market'),
    nicheEntryYear: integer('niche_entry_year'),
    listingStatus: text('listing_status').notNull().default('unlisted'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    /** Facts the evaluation needs (IP, R&D institution, awards, quality …): see enterprises.schemas.ts. */
    facts: jsonb('facts').notNull().default({}),
    /** Size class of the latest year with indicators (300号); null without data. */
    sizeClass: text('size_class'),
    latestYear: integer('latest_year'),
    /** Revenue of the latest year, kept here so that lists sort by it without a join. */
    latestRevenue: money('latest_revenue'),
    /** Highest valid title: innovative | srdi | little_giant. Kept in step with enterprise_titles. */
    currentTier: text('current_tier'),
    /** Words and character pairs of the name, for the Chinese search index. */
    searchText: text('search_text').notNull().default(''),
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, search_text)`),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('enterprises_district_idx').on(t.districtCode),
    index('enterprises_zone_idx').on(t.zoneCode),
    index('enterprises_industry_idx').on(t.industryCode),
    index('enterprises_cluster_idx').on(t.clusterCode),
    index('enterprises_tier_idx').on(t.currentTier),
    index('enterprises_size_idx').on(t.sizeClass),
    // Lets list totals (count with any mix of these filters) be an index-only scan instead of reading every row.
    index('enterprises_filters_idx').on(t.industryCode, t.sizeClass, t.currentTier, t.districtCode, t.zoneCode, t.clusterCode),
    // Lists sort by revenue from the largest down, empty last.
    index('enterprises_revenue_idx').on(t.latestRevenue.desc().nullsLast()),
    index('enterprises_established_idx').on(t.establishedOn),
    index('enterprises_name_idx').on(t.name),
    index('enterprises_search_idx').using('gin', t.searchVector),
  ],
);

/** Yearly indicators, integer yuan and head counts. One row per enterprise and year. */
export const enterpriseYears = pgTable(
  'enterprise_years',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    revenue: money('revenue'),
    mainRevenue: money('main_revenue'),
    totalProfit: money('total_profit'),
    netProfit: money('net_profit'),
    totalAssets: money('total_assets'),
    totalLiabilities: money('total_liabilities'),
    rdExpense: money('rd_expense'),
    employees: integer('employees'),
    rdStaff: integer('rd_staff'),
    exports: money('exports'),
    taxesPaid: money('taxes_paid'),
    equityFinancing: money('equity_financing'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.year] })],
);

/** Titles held (创新型 / 专精特新 / 小巨人), with their history: imported lists now, the recognition workflow later. */
export const enterpriseTitles = pgTable(
  'enterprise_titles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    /** innovative | srdi | little_giant */
    tier: text('tier').notNull(),
    /** national | municipal */
    level: text('level').notNull(),
    batch: text('batch'),
    recognisedOn: date('recognised_on').notNull(),
    validUntil: date('valid_until'),
    /** valid | under_review (复核 under way: still valid) | expired | revoked */
    status: text('status').notNull().default('valid'),
    certificateNo: text('certificate_no'),
    /** 公告/认定文号 of the list the title was granted in. */
    documentNo: text('document_no'),
    /** The recognition application it was granted on (source 'recognition'). */
    applicationId: uuid('application_id'),
    /** 撤销/取消: when, why (REVOCATION_CATEGORIES) and in what words. */
    revokedOn: date('revoked_on'),
    revocationCategory: text('revocation_category'),
    revocationReason: text('revocation_reason'),
    revokedBy: uuid('revoked_by'),
    /** When it ended other than by revocation: expired, or replaced after a passed 复核. */
    endedOn: date('ended_on'),
    source: text('source').notNull().default('import'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('enterprise_titles_unique').on(t.enterpriseId, t.tier, t.recognisedOn),
    index('enterprise_titles_enterprise_idx').on(t.enterpriseId),
  ],
);

/** Qualifications and honours: 高新技术企业, 科技型企业, 单项冠军, 数字化车间 … with validity. */
export const enterpriseHonours = pgTable(
  'enterprise_honours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    level: text('level'),
    obtainedOn: date('obtained_on'),
    validUntil: date('valid_until'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('enterprise_honours_enterprise_idx').on(t.enterpriseId),
    // The targets count the holders of a kind (高新技术企业, 数字化车间 …) for every unit at once.
    index('enterprise_honours_kind_idx').on(t.kind, t.enterpriseId),
  ],
);

// The cockpit's registry tallies (数据驾驶舱), kept by triggers on enterprises and enterprise_titles
// (migration 0023) so that its headline figures are sums over a few hundred rows, not counts over the
// registry. Not backed up: a restore fills them again as it inserts the rows (DERIVED_TABLES).

/** Enterprises per place (zone_code '' for none). */
export const registryPlaceCounts = pgTable(
  'registry_place_counts',
  {
    districtCode: text('district_code').notNull(),
    zoneCode: text('zone_code').notNull().default(''),
    enterprises: integer('enterprises').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.zoneCode] })],
);

/**
 * The days an enterprise holds a title of a tier, as disjoint spans [starts_on, stops_on) (stops_on
 * 'infinity' when open), with the place they were counted in and the first day it was recognised for
 * the tier (any title, revoked ones too: "new since S" is first_on ≥ S): what title_holder_changes holds of it.
 */
export const titleHoldingSpans = pgTable(
  'title_holding_spans',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    tier: text('tier').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    stopsOn: date('stops_on', { mode: 'string' }).notNull(),
    firstOn: date('first_on', { mode: 'string' }).notNull(),
    districtCode: text('district_code').notNull(),
    zoneCode: text('zone_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.tier, t.startsOn] })],
);

/**
 * Per place, tier, first day recognised and day, the change in the number of holders: the holders on
 * day D are the sum up to D; those new since S, the same sum over first_on ≥ S. Tier 'any': holders
 * of a title of any tier.
 */
export const titleHolderChanges = pgTable(
  'title_holder_changes',
  {
    districtCode: text('district_code').notNull(),
    zoneCode: text('zone_code').notNull(),
    tier: text('tier').notNull(),
    firstOn: date('first_on', { mode: 'string' }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    delta: integer('delta').notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.zoneCode, t.tier, t.firstOn, t.day] })],
);
