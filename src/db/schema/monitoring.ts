import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises.js';
import { districts } from './reference.js';
import { users } from './users.js';

// 运行监测 (issue 11): the sample, the monthly reports and their versions, the per-period aggregates
// the figures are read from, and the reminders sent. Amounts are whole yuan; electricity whole kWh.
const money = (name: string) => bigint(name, { mode: 'number' });

/** The settings of monitoring (due day, thresholds of the checks): one row, validated by the module. */
export const monitoringSettings = pgTable('monitoring_settings', {
  id: text('id').primaryKey().default('default'),
  values: jsonb('values').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Changes to the monitored sample (监测企业). An enterprise holding a valid title is in the sample
 * unless a row says 'out'; any other enterprise is in it only while a row says 'in'.
 */
export const monitoringSample = pgTable(
  'monitoring_sample',
  {
    enterpriseId: uuid('enterprise_id')
      .primaryKey()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    /** in | out */
    status: text('status').notNull(),
    reason: text('reason'),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('monitoring_sample_status_idx').on(t.status)],
);

/**
 * One enterprise's monthly report (月报), the latest version. PARTITIONED BY LIST (year) in the
 * migration (hand-written: drizzle does not declare partitions); the key leads with enterprise_id so
 * that the table stays valid for Citus with enterprise_id as its distribution column.
 * The dimension columns are what the enterprise was when the report was last written (district, zone,
 * industry, cluster, size, highest valid title at the period's end): the figures group by them.
 */
export const monitoringReports = pgTable(
  'monitoring_reports',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    /** needs_explanation (not counted) | accepted (counted) | returned (by an officer; not counted) */
    status: text('status').notNull(),
    districtCode: text('district_code').notNull(),
    zoneCode: text('zone_code'),
    industryCode: text('industry_code'),
    /** 门类 letter of the industry, kept so that figures by section need no join. */
    sectionCode: text('section_code'),
    clusterCode: text('cluster_code'),
    sizeClass: text('size_class'),
    /** little_giant | srdi | innovative | none: the highest valid title at the period's end. */
    tier: text('tier').notNull(),
    revenueMonth: money('revenue_month'),
    revenueYtd: money('revenue_ytd').notNull(),
    profitYtd: money('profit_ytd').notNull(),
    outputYtd: money('output_ytd'),
    employees: integer('employees').notNull(),
    rdExpenseYtd: money('rd_expense_ytd'),
    exportYtd: money('export_ytd'),
    taxYtd: money('tax_ytd'),
    electricityYtd: money('electricity_ytd'),
    newOrders: money('new_orders'),
    /** up | flat | down */
    surveyOrders: text('survey_orders'),
    surveyEmployment: text('survey_employment'),
    surveyFinancing: text('survey_financing'),
    suggestions: text('suggestions'),
    /** { "<checkId>": "text" }: the explanations of the soft checks the report fails. */
    explanations: jsonb('explanations').notNull().default({}),
    /** The checks the stored values fail (soft only: a hard failure is never stored). */
    checks: jsonb('checks').notNull().default([]),
    dueOn: date('due_on').notNull(),
    /** First submitted after its due date. */
    late: boolean('late').notNull().default(false),
    /** Accepted at its first submission, without an explanation, and never returned (一次审核通过). */
    firstPass: boolean('first_pass').notNull().default(false),
    /** Changed after its due date once it had been accepted: figures that used it are marked. */
    revisedAfterDue: boolean('revised_after_due').notNull().default(false),
    /** enterprise | district: who entered it (districts enter for firms that report offline). */
    enteredBy: text('entered_by').notNull(),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    submittedBy: uuid('submitted_by'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.enterpriseId, t.year, t.month] }),
    // Covers the 通报's 上报率/及时率 per place and month (status, late): an index-only scan of the
    // month, where a seq scan of the year's partition (12M rows at province scale) took 2.2 s.
    index('monitoring_reports_period_place_status_idx').on(t.year, t.month, t.districtCode, t.zoneCode, t.status, t.late),
    index('monitoring_reports_period_zone_idx').on(t.year, t.month, t.zoneCode),
  ],
);

/** Every submission and officer action on a report, with the values as they were then (revisions are kept). */
export const monitoringReportVersions = pgTable(
  'monitoring_report_versions',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    /** The report's values and explanations at this version (the API's field names). */
    values: jsonb('values').notNull(),
    /** submit | revise | accept | return | import */
    action: text('action').notNull(),
    afterDue: boolean('after_due').notNull().default(false),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.year, t.month, t.version] })],
);

/**
 * Sums of accepted reports per period, scope unit and grouping, kept current in the transaction of
 * every accepted report, revision and return: the figures read these rows, never the reports.
 * unit_kind 'district' rows partition all reports by district_code (the city sums them); 'zone'
 * rows repeat the reports of a functional zone (its officers read them). dim: all | tier | district |
 * industry | section | cluster | size. "…_cur" and "…_prev" sum the matched sample (an accepted
 * report for the same month of the year before); an optional metric counts only where both years
 * have it. Survey counts cover every accepted report.
 */
export const monitoringAggregates = pgTable(
  'monitoring_aggregates',
  {
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    unitKind: text('unit_kind').notNull(),
    unitCode: text('unit_code').notNull(),
    dim: text('dim').notNull(),
    dimKey: text('dim_key').notNull(),
    matched: integer('matched').notNull().default(0),
    unmatched: integer('unmatched').notNull().default(0),
    /** Accepted reports in the cell whose current or previous-year value was revised after its due date. */
    revised: integer('revised').notNull().default(0),
    revenueCur: money('revenue_cur').notNull().default(0),
    revenuePrev: money('revenue_prev').notNull().default(0),
    profitCur: money('profit_cur').notNull().default(0),
    profitPrev: money('profit_prev').notNull().default(0),
    outputCur: money('output_cur').notNull().default(0),
    outputPrev: money('output_prev').notNull().default(0),
    rdCur: money('rd_cur').notNull().default(0),
    rdPrev: money('rd_prev').notNull().default(0),
    exportCur: money('export_cur').notNull().default(0),
    exportPrev: money('export_prev').notNull().default(0),
    taxCur: money('tax_cur').notNull().default(0),
    taxPrev: money('tax_prev').notNull().default(0),
    employeesCur: money('employees_cur').notNull().default(0),
    employeesPrev: money('employees_prev').notNull().default(0),
    electricityCur: money('electricity_cur').notNull().default(0),
    electricityPrev: money('electricity_prev').notNull().default(0),
    ordersUp: integer('orders_up').notNull().default(0),
    ordersAnswered: integer('orders_answered').notNull().default(0),
    employmentUp: integer('employment_up').notNull().default(0),
    employmentAnswered: integer('employment_answered').notNull().default(0),
    financingUp: integer('financing_up').notNull().default(0),
    financingAnswered: integer('financing_answered').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.year, t.month, t.unitKind, t.unitCode, t.dim, t.dimKey] })],
);

/**
 * Reminders sent for a period (催报): kind opening (the 1st) | before_due (settings.reminderDaysBefore) |
 * due_day | overdue (the day after) | manual. Automatic kinds once per enterprise and period; manual
 * ones once per enterprise and day.
 */
export const monitoringReminders = pgTable(
  'monitoring_reminders',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    kind: text('kind').notNull(),
    sentOn: date('sent_on').notNull(),
    sentBy: uuid('sent_by'),
    districtCode: text('district_code').references(() => districts.code),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.year, t.month, t.kind, t.sentOn] })],
);
