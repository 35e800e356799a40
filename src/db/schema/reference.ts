import { boolean, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** The 38 区县 (GB/T 2260) and the functional zones, loaded by migration. */
export const districts = pgTable('districts', {
  code: text('code').primaryKey(),
  name: text('name').notNull().unique(),
  /** district | county | autonomous_county | zone */
  kind: text('kind').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

/** 国民经济行业分类 GB/T 4754-2017: 门类 (level 'section', code A–T) and 大类 (level 'division', code 01–97). */
export const industries = pgTable('industries', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  parentCode: text('parent_code'),
});

/** Chongqing's "33618" manufacturing cluster system: editable by the city administrator. */
export const clusters = pgTable('clusters', {
  code: text('code').primaryKey(),
  name: text('name').notNull().unique(),
  /** leading (3 万亿级) | pillar (3 五千亿级) | featured (6 千亿级) | rising (18 新星) */
  category: text('category').notNull(),
  sortOrder: integer('sort_order').notNull(),
  active: boolean('active').notNull().default(true),
  /** Where the entry comes from and how sure we are of it. */
  note: text('note'),
  version: integer('version').notNull().default(1),
});
