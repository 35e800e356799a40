import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * The official holiday arrangement of a year (国务院办公厅 notice on 部分节假日安排): the days off
 * (kind 'off', 放假) and the make-up working days (kind 'work', 调休上班). Every other Monday to
 * Friday is a working day, every other Saturday and Sunday a day off. A day is either off or
 * working, never both (the date is the key).
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    /** off | work */
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    /** The holiday it belongs to, as the notice names it: 国庆节, 春节 … */
    name: text('name').notNull(),
    /** The notice it comes from, e.g. 国办发明电〔2024〕12号. */
    source: text('source'),
  },
  (t) => [
    check('calendar_days_kind_check', sql`${t.kind} in ('off', 'work')`),
    check('calendar_days_year_check', sql`${t.year} = extract(year from ${t.date})`),
    index('calendar_days_year_idx').on(t.year),
  ],
);

/**
 * The years whose arrangement has been entered: a year counts as maintained when it has a row here.
 * Computations through a year without one count weekends only and say so.
 */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  /** The notice of that year. */
  source: text('source'),
  /** Who entered it last; null for the arrangement shipped with the program. */
  maintainedBy: uuid('maintained_by').references(() => users.id),
  maintainedAt: timestamp('maintained_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Years the city administrators have been told to maintain (at most once per year), whether the
 * year is maintained by now or not.
 */
export const calendarReminders = pgTable('calendar_reminders', {
  year: integer('year').primaryKey(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
});
