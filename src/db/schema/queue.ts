import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The job queue (src/server/queue.ts): all long or later work, one row per job. A worker claims a
 * queued job with FOR UPDATE SKIP LOCKED, holds it by a lease it renews, and writes each chunk of
 * work in one transaction with the job's checkpoint.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The job definition's stable id ('evaluation.batch', 'import.enterprises', …). */
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    /** Optional version of the payload's shape, for a definition that reads older payloads. */
    payloadVersion: integer('payload_version'),
    /** queued | running | done | failed */
    status: text('status').notNull().default('queued'),
    /** Not claimed before this time (retries wait here with their backoff). */
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    /** A running job whose lease ended belongs to nobody: any live worker queues it again. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    /** The instance (src/server/instance.ts) holding the lease. */
    lockedBy: integer('locked_by'),
    /** What the last committed chunk saved: a restarted job resumes from here. */
    checkpoint: jsonb('checkpoint'),
    phase: text('phase'),
    done: integer('done').notNull().default(0),
    total: integer('total'),
    result: jsonb('result'),
    /** { code, message (Chinese), detail } of the last failure. */
    error: jsonb('error'),
    createdBy: uuid('created_by'),
    /** The actor who started it: the handler acts with this actor's scope. */
    actor: jsonb('actor'),
    requestId: text('request_id'),
    /** At most one job per key (schedules, "one run per scope"). */
    dedupeKey: text('dedupe_key').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('jobs_claim_idx').on(t.status, t.kind, t.runAt), index('jobs_creator_idx').on(t.createdBy, t.createdAt)],
);

/** One row per slot of a schedule that fired: the primary key makes a slot fire once across processes. */
export const scheduleSlots = pgTable(
  'schedule_slots',
  {
    name: text('name').notNull(),
    /** The slot's time, ISO 8601 in Asia/Shanghai ('2026-12-01T01:00:00+08:00'). */
    slot: text('slot').notNull(),
    /** The job it started; null for the baseline slot recorded when a schedule is first seen. */
    jobId: uuid('job_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.name, t.slot] })],
);
