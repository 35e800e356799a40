import { z } from 'zod';
import { TARGET_INDICATOR_KEYS, TARGET_MEASURES } from '../../domain/targets/indicators.js';

// 目标考核 (issue 12): every request and response schema of the targets routes. Unknown indicator,
// measure or unit codes are refused by the use case with the module's own codes (targets.errors.ts),
// so the schema takes any short string for them.

const year = z.coerce.number().int('年度应为整数').min(2000, '年度应在 2000～2100 年之间').max(2100, '年度应在 2000～2100 年之间');
const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD').refine((d) => d >= '1900-01-01' && d <= '2100-12-31', '日期应在 1900～2100 年之间');

export const targetsQuery = z.strictObject({ year });
export const splitQuery = z.strictObject({ indicator: z.string().max(40), year });

export const setTargetBody = z.strictObject({
  /** The district or functional zone; null for the city. */
  unitCode: z.string().trim().max(16).nullable(),
  indicator: z.string().trim().max(40),
  measure: z.string().trim().max(16).default('stock'),
  year: z.number().int('年度应为整数').min(2000, '年度应在 2000～2100 年之间').max(2100, '年度应在 2000～2100 年之间'),
  /** A count of enterprises: whole, not negative (the use case refuses others with TARGET_VALUE_INVALID). */
  value: z.number(),
  /** The period's start; DEFAULT 1 January of the year for a new target. */
  baselineOn: isoDate.optional(),
  documentNo: z.string().trim().max(60).nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
  /** The version read; required to change an existing target (a stale one answers 409). */
  version: z.number().int().positive().optional(),
});
export type SetTargetInput = z.output<typeof setTargetBody>;

export const targetProgress = z.object({
  id: z.string(),
  level: z.enum(['city', 'district']),
  unitCode: z.string().nullable(),
  unitName: z.string(),
  indicator: z.enum(TARGET_INDICATOR_KEYS),
  indicatorLabel: z.string(),
  measure: z.enum(TARGET_MEASURES),
  year: z.number(),
  baselineOn: z.string(),
  value: z.number(),
  actual: z.number(),
  completion: z.number(),
  proRata: z.number(),
  expected: z.number(),
  band: z.enum(['red', 'amber', 'green']),
  documentNo: z.string().nullable(),
  source: z.string(),
  note: z.string().nullable(),
  version: z.number(),
  /** The enterprise list of the rows behind `actual`; null where the reader's list would not show them all (the city's row, for a district). */
  rowsUrl: z.string().nullable(),
});

export const targetsResponse = z.object({
  year: z.number(),
  asOf: z.string(),
  /** The units the reader sees, city first (code null), then districts and zones in their order. */
  units: z.array(z.object({ code: z.string().nullable(), name: z.string(), editable: z.boolean() })),
  items: z.array(targetProgress),
  indicators: z.array(z.object({ key: z.enum(TARGET_INDICATOR_KEYS), label: z.string(), measures: z.array(z.enum(TARGET_MEASURES)) })),
});

export const splitResponse = z.object({
  indicator: z.enum(TARGET_INDICATOR_KEYS),
  indicatorLabel: z.string(),
  year: z.number(),
  measure: z.enum(TARGET_MEASURES),
  /** The city target split, and what its share is of. */
  cityValue: z.number(),
  baselineOn: z.string(),
  poolLabel: z.string(),
  rows: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      /** The unit's part of the pool today. */
      pool: z.number(),
      suggested: z.number(),
      /** The unit's target already set, if any. */
      current: z.number().nullable(),
      version: z.number().nullable(),
    }),
  ),
});

export type TargetsView = z.output<typeof targetsResponse>;
export type SplitView = z.output<typeof splitResponse>;
export type TargetProgressView = z.output<typeof targetProgress>;
