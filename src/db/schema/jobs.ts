import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Long work (imports) runs as a job: the user can leave the page and come back to its progress
 * and result. The uploaded file is kept so that a previewed file can be committed as it was.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    mode: text('mode').notNull(),
    /** queued | running | done | failed (interrupted work is failed with JOB_INTERRUPTED) */
    status: text('status').notNull().default('queued'),
    /** The instance (process) doing the work; it holds an advisory lock on this number while alive. */
    ownerInstance: integer('owner_instance'),
    phase: text('phase'),
    processedRows: integer('processed_rows').notNull().default(0),
    fileName: text('file_name').notNull(),
    file: bytea('file'),
    createdBy: uuid('created_by').notNull(),
    /** The actor who started it, so the job runs with that scope. */
    actor: jsonb('actor').notNull(),
    result: jsonb('result'),
    error: jsonb('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('import_jobs_creator_idx').on(t.createdBy, t.createdAt)],
);
