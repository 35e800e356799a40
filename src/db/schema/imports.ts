import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * One upload for import (enterprises or a title list): its file, stored once, and what its preview
 * found. The preview and the commit are jobs of the queue (src/server/queue.ts); the preview stages
 * the rows it parsed (import_rows) and the commit applies those, without reading the file again.
 * The file and the staged rows are deleted 7 days after the import's last job ended (daily sweep).
 */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 'enterprises' | 'titles' */
    kind: text('kind').notNull(),
    /** What the import was started with (a title list's default tier). */
    options: jsonb('options').notNull().default({}),
    fileName: text('file_name').notNull(),
    /** Null once the retention sweep has deleted it. */
    file: bytea('file'),
    fileSize: integer('file_size').notNull(),
    createdBy: uuid('created_by').notNull(),
    previewJobId: uuid('preview_job_id'),
    commitJobId: uuid('commit_job_id'),
    /** Set when the preview has staged all its rows; errors the preview found (a commit needs 0). */
    stagedAt: timestamp('staged_at', { withTimezone: true }),
    stagedRows: integer('staged_rows').notNull().default(0),
    previewErrors: integer('preview_errors'),
    /** Set in the commit's own transaction: a commit run again (after a crash) answers this result. */
    committedAt: timestamp('committed_at', { withTimezone: true }),
    commitResult: jsonb('commit_result'),
    /** When its last job ended (done or failed); the retention's clock. Null while a job is queued or running. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    fileDeletedAt: timestamp('file_deleted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('imports_preview_job_idx').on(t.previewJobId),
    index('imports_commit_job_idx').on(t.commitJobId),
    index('imports_ended_idx').on(t.endedAt),
  ],
);

/** The rows a preview parsed, a chunk (up to a few thousand rows, as JSON) per row of this table. */
export const importRows = pgTable(
  'import_rows',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    chunk: integer('chunk').notNull(),
    rows: jsonb('rows').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.chunk] })],
);
