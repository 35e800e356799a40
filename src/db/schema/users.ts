import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../domain/roles.js';
import { enterprises } from './enterprises.js';
import { districts } from './reference.js';

export type PasswordSetBy = 'self' | 'admin' | 'demo';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored lower-case; login is case-insensitive. */
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role').$type<Role>().notNull(),
  /** For district_admin: the 区县 or functional zone it administers. */
  districtCode: text('district_code').references(() => districts.code),
  /** For enterprise users: the one enterprise they act for. */
  enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
  /** For department / provider / bank / expert users: the organisation they belong to. */
  organization: text('organization'),
  /** Where the outbox sends e-mail (optional). */
  email: text('email'),
  /** For SMS-style channels (optional). */
  mobile: text('mobile'),
  passwordHash: text('password_hash').notNull(),
  /**
   * Who chose the current password: the user ('self'), an administrator ('admin': must be changed
   * at the next login) or the demo seed ('demo': must be changed unless the platform runs in demo mode).
   */
  passwordSetBy: text('password_set_by').$type<PasswordSetBy>().notNull().default('self'),
  disabled: boolean('disabled').notNull().default(false),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Server-side sessions: the cookie carries a random token, the table keeps only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);
