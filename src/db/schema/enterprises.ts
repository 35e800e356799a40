import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { districts, industries } from './reference.js';

/** The enterprise registry (企业库). The registry issue extends it; scope hangs on district_code / zone_code. */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uscc: text('uscc').notNull().unique(),
    name: text('name').notNull(),
    districtCode: text('district_code')
      .notNull()
      .references(() => districts.code),
    zoneCode: text('zone_code').references(() => districts.code),
    industryCode: text('industry_code').references(() => industries.code),
    establishedOn: date('established_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enterprises_district_idx').on(t.districtCode), index('enterprises_zone_idx').on(t.zoneCode)],
);
