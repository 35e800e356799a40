import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * The contents of attachments, once per SHA-256: the same bytes uploaded twice are stored once.
 * The bytes themselves live in the file storage (disk or S3) under the hash; this row says they
 * are there and is locked while a blob is written or deleted.
 */
export const fileContents = pgTable('file_contents', {
  /** Lower-case hex SHA-256 of the bytes: also the storage key. */
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  /** The MIME type found in the bytes (application/pdf, image/png …). */
  type: text('type').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One uploaded file (附件): what the user uploaded under which name, and the object it belongs to.
 * An upload belongs to nothing (owner null) until a module attaches it; unattached uploads are
 * removed after 24 hours.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256')
      .notNull()
      .references(() => fileContents.sha256),
    /** The uploaded name reduced to a safe base name (no path, no control characters). */
    name: text('name').notNull(),
    size: integer('size').notNull(),
    type: text('type').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    /** The owner module's kind of object (a key of FILE_OWNERS), e.g. 'expert_visit'. */
    ownerType: text('owner_type'),
    ownerId: text('owner_id'),
    attachedAt: timestamp('attached_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('files_owner_idx').on(t.ownerType, t.ownerId),
    index('files_sha256_idx').on(t.sha256),
    index('files_uploader_idx').on(t.uploadedBy, t.createdAt),
  ],
);
