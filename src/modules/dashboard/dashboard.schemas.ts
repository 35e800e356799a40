import { z } from 'zod';
import { BREAKDOWN_DIMENSIONS, BREAKDOWN_FIGURE_KEYS } from '../../domain/dashboard/cockpit-figures.js';
import { TIERS } from '../../domain/enterprise-rules.js';
import { paging, text } from '../../server/validation.js';

// 数据驾驶舱 (issue 12). The contract of GET /api/dashboard: { asOf, figures: [{ key, label, value, rowsUrl }] }.

export const dashboardQuery = z.strictObject({
  /** A city officer's choice of one district or functional zone; a district officer may name only its own. */
  district: z.string().trim().max(16).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const dashboardFigure = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  /** An API path listing the rows behind the figure; its answer's `total` equals `value`. */
  rowsUrl: z.string(),
});
export type DashboardFigure = z.infer<typeof dashboardFigure>;

export const dashboardScope = z.object({
  kind: z.enum(['city', 'district']),
  code: z.string().nullable(),
  name: z.string(),
});
export type DashboardScope = z.infer<typeof dashboardScope>;

export const dashboardResult = z.object({
  asOf: z.string(),
  scope: dashboardScope,
  figures: z.array(dashboardFigure),
});
export type DashboardResult = z.infer<typeof dashboardResult>;

// ---- C: the cockpit's breakdowns, 有进有出 and chart data ----

const cockpitPlace = {
  /** A city officer's choice of one district or functional zone; a district officer may name only its own. */
  district: z.string().trim().max(16, '区县代码不能超过 16 个字符').optional(),
};

export const breakdownQuery = z.strictObject({
  by: z.enum(BREAKDOWN_DIMENSIONS, { error: '分组应为区县（district）、行业门类（industry）、“33618”集群（cluster）或梯度（tier）' }),
  figure: z
    .enum(BREAKDOWN_FIGURE_KEYS, { error: '指标不正确：应为在库企业、某一梯度的有效称号、某类资质荣誉或上市企业' })
    .default('enterprises.total'),
  ...cockpitPlace,
});
export type BreakdownQuery = z.output<typeof breakdownQuery>;

export const breakdownRow = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  /** An API path listing the rows behind the value; its answer's `total` equals `value`. */
  rowsUrl: z.string(),
  /** By district: district | county | autonomous_county | zone (zones are not on the map). */
  kind: z.string().optional(),
});
/** GET /api/dashboard/breakdown: one figure by district (every 区县 and zone, 0 included), industry, cluster or tier. */
export const breakdownResult = z.object({
  asOf: z.string(),
  scope: dashboardScope,
  by: z.enum(BREAKDOWN_DIMENSIONS),
  byLabel: z.string(),
  figure: z.enum(BREAKDOWN_FIGURE_KEYS),
  label: z.string(),
  rows: z.array(breakdownRow),
});

const flowYear = z.coerce.number().int('年份应为整数').min(2000, '年份应在 2000—2100 之间').max(2100, '年份应在 2000—2100 之间');

export const cockpitFlowsQuery = z
  .strictObject({ ...cockpitPlace, fromYear: flowYear.optional(), toYear: flowYear.optional() })
  .refine((q) => q.fromYear === undefined || q.toYear === undefined || q.fromYear <= q.toYear, {
    message: '起始年份不能晚于截止年份',
    path: ['fromYear'],
  })
  .refine((q) => q.fromYear === undefined || q.toYear === undefined || q.toYear - q.fromYear < 10, {
    message: '一次最多查看 10 年',
    path: ['toYear'],
  });
export type CockpitFlowsQuery = z.output<typeof cockpitFlowsQuery>;

/** GET /api/dashboard/flows: 有进有出 per year and tier (every year and tier, 0 included), each number with its rows. */
export const cockpitFlowsResult = z.object({
  asOf: z.string(),
  scope: dashboardScope,
  fromYear: z.number(),
  toYear: z.number(),
  rows: z.array(
    z.object({
      year: z.number(),
      tier: z.string(),
      tierLabel: z.string(),
      entered: z.number(),
      left: z.number(),
      enteredRowsUrl: z.string(),
      leftRowsUrl: z.string(),
    }),
  ),
});

export const flowRowsQuery = z.strictObject({
  year: flowYear,
  tier: z.enum(TIERS, { error: '梯度应为创新型中小企业、专精特新中小企业或专精特新“小巨人”企业' }),
  direction: z.enum(['entered', 'left'], { error: '方向应为进入（entered）或退出（left）' }),
  ...cockpitPlace,
  ...paging,
});
export type FlowRowsQuery = z.output<typeof flowRowsQuery>;

/** GET /api/dashboard/flows/rows: the titles behind one number of 有进有出. */
export const flowRowsResult = z.object({
  items: z.array(
    z.object({
      titleId: z.string(),
      enterpriseId: z.string(),
      enterpriseName: z.string(),
      districtName: z.string(),
      tier: z.string(),
      tierLabel: z.string(),
      recognisedOn: z.string(),
      leftOn: z.string().nullable(),
      leftHowLabel: z.string().nullable(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

const chartCell = z.union([z.string().max(200, '单元格不能超过 200 个字符'), z.number(), z.null()]);
/** POST /api/dashboard/chart.xlsx: a chart's data as the page shows it, written to a workbook. */
export const chartXlsxBody = z.strictObject({
  title: text(60),
  columns: z.array(text(40)).min(1, '至少一列').max(20, '最多 20 列'),
  rows: z.array(z.array(chartCell).max(20, '每行最多 20 个单元格')).max(2000, '最多 2,000 行'),
});
export type ChartXlsxBody = z.output<typeof chartXlsxBody>;
