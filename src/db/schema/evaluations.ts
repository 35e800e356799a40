import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, json, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises.js';

/** A batch evaluation over the enterprises in an officer's scope; also its job record (progress). */
export const evaluationRuns = pgTable(
  'evaluation_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    startedBy: uuid('started_by').notNull(),
    actor: jsonb('actor').notNull(),
    assessmentDate: date('assessment_date').notNull(),
    /** queued | running | done | failed | interrupted (its process stopped) */
    status: text('status').notNull().default('queued'),
    /** What the run covers (all, district:500153, enterprise:<id>): one active run per scope. */
    scopeKey: text('scope_key'),
    /** The instance (process) doing the work; it holds an advisory lock on this number while alive. */
    ownerInstance: integer('owner_instance'),
    /** The queue job doing the work (src/server/queue.ts, kind 'evaluation.batch'). */
    jobId: uuid('job_id'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    counts: jsonb('counts'),
    error: jsonb('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  // In the database, so that two processes (or three quick clicks) cannot both start one.
  (t) => [uniqueIndex('evaluation_runs_active_scope_idx').on(t.scopeKey).where(sql`status in ('queued', 'running')`)],
);

/** The latest evaluation of each enterprise for each tier, with its explanation. */
export const evaluationResults = pgTable(
  'evaluation_results',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    tier: text('tier').notNull(),
    runId: uuid('run_id').notNull(),
    ruleSet: text('rule_set').notNull(),
    assessmentDate: date('assessment_date').notNull(),
    outcome: text('outcome').notNull(),
    score: integer('score'),
    /** Ids of the conditions not met. */
    failed: jsonb('failed').notNull(),
    /** Points short of the pass score, for scored tiers. */
    gap: integer('gap'),
    /** Qualifies already, or one condition / a few points away (后备库). */
    withinReach: boolean('within_reach').notNull(),
    /** json, not jsonb: stored as written and never queried inside, so a batch writes them cheaply. */
    missing: json('missing').notNull(),
    /** Indicator points and condition statuses, for the "why". */
    explanation: json('explanation').notNull(),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.tier] }), index('evaluation_results_pool_idx').on(t.tier, t.withinReach, t.outcome)],
);

/** Every evaluation ever stored, small: the history of an enterprise's outcomes. */
export const evaluationHistory = pgTable(
  'evaluation_history',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    tier: text('tier').notNull(),
    runId: uuid('run_id').notNull(),
    ruleSet: text('rule_set').notNull(),
    outcome: text('outcome').notNull(),
    score: integer('score'),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluation_history_enterprise_idx').on(t.enterpriseId, t.evaluatedAt)],
);

/** Published corrections of a rule set's parameters: each version holds all corrected values. */
export const ruleSetVersions = pgTable(
  'rule_set_versions',
  {
    ruleSet: text('rule_set').notNull(),
    version: integer('version').notNull(),
    values: jsonb('values').notNull(),
    note: text('note').notNull(),
    publishedBy: uuid('published_by').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ruleSet, t.version] })],
);
