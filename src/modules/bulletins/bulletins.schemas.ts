import { z } from 'zod';
import { BULLETIN_INDICATOR_KEYS } from '../../domain/bulletins/settings.js';
import { text, uuid } from '../../server/validation.js';

// Every request and response schema of the bulletins module's routes (定期通报).

const periodKind = z.enum(['month', 'quarter'], '通报类型应为 month（月度）或 quarter（季度）');
const periodKey = z
  .string()
  .trim()
  .max(10, '通报期别格式为 YYYY-MM 或 YYYY-Qn')
  .meta({ examples: ['2026-11', '2026-Q3'] });
const method = z.enum(['target', 'rate', 'efficacy']);

/** The body is checked by the use case (weights' sum has its own code). */
export const settingsBody = z.record(z.string(), z.unknown());

export const settingsResult = z.object({
  cap: z.number().describe('目标完成率封顶值（1.2 = 120%）'),
  indicators: z.array(
    z.object({
      key: z.enum(BULLETIN_INDICATOR_KEYS),
      label: z.string(),
      description: z.string(),
      weight: z.number().int(),
      method,
      methodLabel: z.string(),
      methods: z.array(z.object({ value: method, label: z.string() })),
      hasData: z.boolean().describe('false：尚无数据来源（不计分，不计入满分）'),
    }),
  ),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type BulletinSettingsResult = z.output<typeof settingsResult>;

export const draftQuery = z.strictObject({ periodKind, period: periodKey });

const figure = z.object({
  label: z.string(),
  /** Formatted for people (84.0%, 1,300 家). */
  display: z.string(),
  value: z.number().nullable(),
  /** A web page listing the rows behind it, or null. */
  link: z.string().nullable(),
});

const indicatorScore = z.object({
  key: z.enum(BULLETIN_INDICATOR_KEYS),
  x: z.number().nullable().describe('计分值（完成率封顶后或比率，0..cap）'),
  score: z.number().nullable().describe('得分，两位小数；暂无数据为 null'),
  note: z.string().nullable(),
  figures: z.array(figure),
});

export const unitRow = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  total: z.number(),
  rank: z.number().int(),
  previousRank: z.number().int().nullable(),
  rankChange: z.number().int().nullable().describe('较上期名次变化（正数为上升）'),
  totalChange: z.number().nullable(),
  items: z.array(indicatorScore),
});

export const snapshotIndicator = z.object({
  key: z.enum(BULLETIN_INDICATOR_KEYS),
  label: z.string(),
  description: z.string(),
  weight: z.number().int(),
  method,
  methodLabel: z.string(),
  hasData: z.boolean(),
});

/** The draft, and the frozen snapshot of a published 通报 (the same shape). */
export const draftResult = z.object({
  periodKind,
  period: z.string(),
  periodLabel: z.string(),
  asOf: z.string(),
  title: z.string().describe('默认标题'),
  cap: z.number(),
  fullMark: z.number().describe('满分：有数据指标的权重之和'),
  indicators: z.array(snapshotIndicator),
  units: z.array(unitRow),
  previous: z.object({ id: z.string(), period: z.string(), periodLabel: z.string(), title: z.string() }).nullable(),
  sources: z.object({
    targetYear: z.number().int(),
    reviewFrom: z.string(),
    annualUpdateDataYear: z.number().int(),
    annualUpdateDueOn: z.string(),
    monitoringMonths: z.array(z.string()),
  }),
  published: z.array(z.object({ id: z.string(), revision: z.number().int(), title: z.string(), documentNo: z.string().nullable() })),
});
export type BulletinDraft = z.output<typeof draftResult>;
export type BulletinSnapshot = Omit<BulletinDraft, 'published'>;

export const publishBody = z.strictObject({
  periodKind,
  period: periodKey,
  documentNo: text(60).optional(),
  title: text(120).optional(),
  correctsId: uuid().optional(),
});

export const bulletinIdParams = z.strictObject({ id: uuid() });

const listItem = z.object({
  id: z.string(),
  periodKind,
  period: z.string(),
  periodLabel: z.string(),
  revision: z.number().int(),
  correctsId: z.string().nullable(),
  title: z.string(),
  documentNo: z.string().nullable(),
  asOf: z.string(),
  publishedAt: z.string(),
  /** The reader's own unit in it (a district officer), or null. */
  own: z.object({ rank: z.number().int(), total: z.number() }).nullable(),
});
export const bulletinList = z.object({ items: z.array(listItem) });
export type BulletinListItem = z.output<typeof listItem>;

export const bulletinResult = listItem.extend({
  snapshot: draftResult.omit({ published: true }),
  ownUnitCode: z.string().nullable(),
});
export type BulletinResult = z.output<typeof bulletinResult>;
