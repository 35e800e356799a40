import { z } from 'zod';
import { paging, uuid } from '../../server/validation.js';

// Every request and response schema of the monitoring module's routes. Each part adds its own under
// its comment. Amounts are whole yuan in the API (the web shows 万元); periods are 'YYYY-MM'.

/** 'YYYY-MM', a month from 2000-01 on. */
export const period = z.string().regex(/^(20\d\d)-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

// ---- K: reports and settings ----
/** A figure of a report: whole yuan (kWh, persons); range and whole-number rules are checks (named by field). */
const figure = z.number({ error: '应为数字' }).nullish();
const surveyAnswer = z.enum(['up', 'flat', 'down'], { error: '应为 up（增加）、flat（持平）或 down（减少）' });
const reportStatus = z.enum(['needs_explanation', 'accepted', 'returned']);

export const reportParams = z.object({ enterpriseId: z.uuid('不是有效的编号'), period });

/** PUT /api/monitoring/reports/:enterpriseId/:period (and its /check): amounts in whole yuan. */
export const reportBody = z
  .object({
    revenueMonth: figure,
    revenueYtd: figure,
    profitYtd: figure,
    outputYtd: figure,
    employees: figure,
    rdExpenseYtd: figure,
    exportYtd: figure,
    taxYtd: figure,
    electricityYtd: figure,
    newOrders: figure,
    survey: z
      .object({ orders: surveyAnswer.nullish(), employment: surveyAnswer.nullish(), financing: surveyAnswer.nullish() })
      .strict()
      .nullish(),
    suggestions: z.string().trim().max(2000, '问题与建议不能超过 2000 个字符').nullish(),
    explanations: z
      .record(z.string().max(100), z.string().trim().max(1000, '情况说明不能超过 1000 个字符'))
      .refine((r) => Object.keys(r).length <= 50, '情况说明过多')
      .nullish(),
    /** The version the writer saw (0 = none yet); a newer stored version → 409. Absent = no check. */
    version: z.number().int().min(0).max(1_000_000).nullish(),
  })
  .strict();
export type ReportBody = z.output<typeof reportBody>;

export const reportCheck = z.object({
  id: z.string(),
  level: z.enum(['hard', 'soft']),
  field: z.string(),
  message: z.string(),
});

export const reportValues = z.object({
  revenueMonth: z.number().nullish(),
  revenueYtd: z.number(),
  profitYtd: z.number(),
  employees: z.number(),
  rdExpenseYtd: z.number().nullish(),
  outputYtd: z.number().nullish(),
  exportYtd: z.number().nullish(),
  taxYtd: z.number().nullish(),
  electricityYtd: z.number().nullish(),
  newOrders: z.number().nullish(),
  survey: z.object({ orders: surveyAnswer.optional(), employment: surveyAnswer.optional(), financing: surveyAnswer.optional() }).optional(),
  suggestions: z.string().nullish(),
});

export const reportPutResult = z.object({
  status: z.enum(['accepted', 'needs_explanation']),
  checks: z.array(reportCheck),
  version: z.number().int(),
  late: z.boolean(),
  dueOn: z.string(),
  period: z.string(),
});

export const reportCheckResult = z.object({ checks: z.array(reportCheck) });

export const reportDetail = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  period: z.string(),
  dueOn: z.string(),
  late: z.boolean(),
  status: reportStatus.nullable(),
  statusLabel: z.string(),
  version: z.number().int(),
  values: reportValues.nullable(),
  explanations: z.record(z.string(), z.string()),
  checks: z.array(reportCheck),
  returnReason: z.string().nullable(),
  lastMonth: reportValues.nullable(),
  lastYear: reportValues.nullable(),
  industrial: z.boolean(),
  rdRequired: z.boolean(),
  inSample: z.boolean(),
  /** May the reader write (the enterprise itself, or its district entering for it: 代报). */
  canWrite: z.boolean(),
  history: z.array(
    z.object({
      version: z.number().int(),
      action: z.string(),
      actionLabel: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      at: z.string(),
      actorName: z.string().nullable(),
      afterDue: z.boolean(),
      note: z.string().nullable(),
    }),
  ),
});

export const myReports = z.object({
  inSample: z.boolean(),
  items: z.array(
    z.object({ period: z.string(), dueOn: z.string(), status: reportStatus.nullable(), statusLabel: z.string(), late: z.boolean() }),
  ),
});

export const monitoringSettingsBody = z.record(z.string(), z.unknown());
export const monitoringSettingsResult = z.object({
  dueDay: z.number(),
  dueMode: z.enum(['calendar', 'working']),
  reminderDaysBefore: z.number(),
  monthTolerance: z.number(),
  yoyLimit: z.number(),
  momLimit: z.number(),
  marginMin: z.number(),
  marginMax: z.number(),
  rdShareMove: z.number(),
  rdMonths: z.array(z.number()),
  smallMicroShareMin: z.number(),
});
// ---- S: sample, review, chasing ----
const sBoolean = z
  .enum(['true', 'false'], '应为 true 或 false')
  .transform((v) => v === 'true')
  .optional();
const sDistrict = z.string().trim().max(16).optional();
const sQuery = z.string().trim().max(100).optional();
const sReason = z.string().max(500, '原因不能超过 500 个字符').nullish();

export const sampleParams = z.object({ enterpriseId: uuid() });
/** PUT: an optional reason (the district's grounds for adding the enterprise). */
export const sampleAddBody = z.object({ reason: sReason }).nullish();
/** DELETE: the reason is required (checked by the use case: MONITORING_REASON_REQUIRED). */
export const sampleRemoveBody = z.object({ reason: sReason }).nullish();
export const sampleSource = z.enum(['title', 'added']);
export const sampleResult = z.object({ enterpriseId: z.uuid(), inSample: z.boolean(), source: sampleSource });

export const sampleListQuery = z.strictObject({
  district: sDistrict,
  q: sQuery,
  source: sampleSource.optional(),
  ...paging,
});
const sampleItem = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  uscc: z.string(),
  districtName: z.string(),
  sizeClass: z.string().nullable(),
  sizeLabel: z.string(),
  tier: z.string().nullable(),
  tierLabel: z.string(),
  source: sampleSource,
  sourceLabel: z.string(),
  reason: z.string().nullable(),
  changedAt: z.date().nullable(),
});
/** 小微企业占比: percent over the firms of known size (unknown counted apart); below = under the minimum. */
export const sampleShare = z.object({
  total: z.number().int(),
  smallMicro: z.number().int(),
  unknown: z.number().int(),
  percent: z.number().nullable(),
  minimum: z.number(),
  below: z.boolean(),
});
export const samplePage = z.object({
  items: z.array(sampleItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  share: sampleShare,
});
export const removedListQuery = z.strictObject({ district: sDistrict, q: sQuery, ...paging });
export const removedPage = z.object({
  items: z.array(sampleItem.extend({ changedByName: z.string().nullable() })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const reviewListQuery = z.strictObject({
  period,
  status: z.enum(['needs_explanation', 'accepted', 'returned'], '状态应为待说明、已通过或已退回').optional(),
  district: sDistrict,
  late: sBoolean,
  explained: sBoolean,
  reviewed: sBoolean,
  q: sQuery,
  ...paging,
});
const reviewItem = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  uscc: z.string(),
  districtName: z.string(),
  period: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  late: z.boolean(),
  revenueYtd: z.number(),
  profitYtd: z.number(),
  employees: z.number(),
  explanationCount: z.number().int(),
  reviewed: z.boolean(),
  enteredBy: z.string(),
  enteredByLabel: z.string(),
  submittedAt: z.date(),
  version: z.number().int(),
});
export const reviewPage = z.object({
  items: z.array(reviewItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const reviewParams = z.object({ enterpriseId: uuid(), period });
export const acceptBody = z.object({
  version: z.number().int('应为整数').min(1),
  note: z.string().max(500, '审核意见不能超过 500 个字符').nullish(),
});
export const returnBody = z.object({ version: z.number().int('应为整数').min(1), reason: sReason });
export const reviewResult = z.object({
  enterpriseId: z.uuid(),
  period: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  version: z.number().int(),
  reviewedAt: z.date(),
});

export const chaseQuery = z.strictObject({ period, district: sDistrict, ...paging });
export const chasePage = z.object({
  period: z.string(),
  dueOn: z.string(),
  items: z.array(
    z.object({
      enterpriseId: z.uuid(),
      enterpriseName: z.string(),
      uscc: z.string(),
      districtName: z.string(),
      contactName: z.string().nullable(),
      contactPhone: z.string().nullable(),
      /** 已退回: the report was returned and is waiting for a new submission. */
      returned: z.boolean(),
      lastRemindedOn: z.string().nullable(),
      reminders: z.number().int(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const remindBody = z.object({
  period,
  enterpriseIds: z.array(uuid()).max(5000, '一次最多提醒 5000 家企业').optional(),
});
export const remindResult = z.object({ reminded: z.number().int(), skipped: z.number().int() });
export const ratesQuery = z.strictObject({ period });
const rateRow = z.object({
  sample: z.number().int(),
  reported: z.number().int(),
  onTime: z.number().int(),
  firstPass: z.number().int(),
  reportRate: z.number().nullable(),
  timelyRate: z.number().nullable(),
  firstPassRate: z.number().nullable(),
});
export const ratesResult = z.object({
  period: z.string(),
  dueOn: z.string(),
  rows: z.array(rateRow.extend({ districtCode: z.string(), districtName: z.string() })),
  all: rateRow,
});
// ---- A: figures (运行分析) ----
/** The groupings of the figures (stats and analysis); the aggregates' dim column. */
export const figureGroupBy = z.enum(['tier', 'district', 'industry', 'section', 'cluster', 'size'], {
  error: '分组应为梯度层级、区县、行业大类、行业门类、产业集群或企业规模之一',
});
export const statsQuery = z.strictObject({ period, groupBy: figureGroupBy.default('tier') });
const statsFigure = z.object({
  key: z.string(),
  label: z.string(),
  /** Enterprises of the matched sample (accepted reports for the period in both years). */
  enterprises: z.number().int(),
  /** Enterprises with an accepted report this year only. */
  unmatched: z.number().int(),
  revenueYtd: z.number(),
  revenueYtdPrev: z.number(),
  revenueYoY: z.number().nullable(),
  profitYtd: z.number(),
  profitYtdPrev: z.number(),
  profitYoY: z.number().nullable(),
});
export const statsResult = z.object({ period, groups: z.array(statsFigure), all: statsFigure });

export const analysisQuery = statsQuery;
const metricFigure = z.object({
  cur: z.number(),
  prev: z.number(),
  yoy: z.number().nullable(),
  twoYear: z.number().nullable(),
  ppVsAll: z.number().nullable(),
});
const surveyFigure = z.object({ up: z.number().int(), answered: z.number().int(), upShare: z.number().nullable() });
export const analysisFigure = z.object({
  key: z.string(),
  label: z.string(),
  enterprises: z.number().int(),
  unmatched: z.number().int(),
  /** Accepted reports behind the figure whose value (this year's or last year's) was revised after its due date. */
  revised: z.number().int(),
  metrics: z.object({
    revenue: metricFigure,
    profit: metricFigure,
    output: metricFigure,
    rd: metricFigure,
    export: metricFigure,
    tax: metricFigure,
    employees: metricFigure,
    electricity: metricFigure,
  }),
  survey: z.object({ orders: surveyFigure, employment: surveyFigure, financing: surveyFigure }),
});
export const analysisResult = z.object({
  period,
  periodLabel: z.string(),
  groupBy: figureGroupBy,
  groups: z.array(analysisFigure),
  all: analysisFigure,
  sentence: z.string(),
  revisedNote: z.string().nullable(),
});

export const trendQuery = z.strictObject({
  year: z.coerce.number().int('年份应为整数').min(2000, '年份应在 2000—2100 之间').max(2100, '年份应在 2000—2100 之间'),
  groupBy: figureGroupBy.default('tier'),
  /** The cockpit's place: the city may name a district or zone, a district officer only its own. */
  district: z.string().trim().max(16, '区县代码不能超过 16 个字符').optional(),
});
const trendPoint = z.object({ revenueYoY: z.number().nullable(), profitYoY: z.number().nullable() });
export const trendResult = z.object({
  year: z.number().int(),
  months: z.array(
    z.object({
      period,
      series: z.array(trendPoint.extend({ key: z.string(), label: z.string() })),
      all: trendPoint,
    }),
  ),
});

export const figureRowsQuery = z.strictObject({
  period,
  dim: z.enum(['all', 'tier', 'district', 'industry', 'section', 'cluster', 'size'], { error: '分组维度不正确' }).default('all'),
  key: z.string().trim().max(32, '分组代码不能超过 32 个字符').default(''),
  sample: z.enum(['matched', 'unmatched', 'all'], { error: '口径应为同口径、仅本年或全部' }).default('matched'),
  ...paging,
});
export const figureRowsResult = z.object({
  items: z.array(
    z.object({
      enterpriseId: z.uuid(),
      enterpriseName: z.string(),
      uscc: z.string(),
      districtName: z.string(),
      tier: z.string(),
      tierLabel: z.string(),
      revenueYtd: z.number(),
      revenueYtdPrev: z.number().nullable(),
      profitYtd: z.number(),
      profitYtdPrev: z.number().nullable(),
      revisedAfterDue: z.boolean(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type StatsQuery = z.output<typeof statsQuery>;
export type TrendQuery = z.output<typeof trendQuery>;
export type FigureRowsQuery = z.output<typeof figureRowsQuery>;
export type FigureGroupBy = z.output<typeof figureGroupBy>;
// ---- I: import and export ----
/** The month of a template, an import or an export; the export may name one district (区县代码). */
export const importTemplateQuery = z.strictObject({ period });
export const importQuery = z.strictObject({
  period,
  mode: z.enum(['preview', 'commit'], 'mode 应为 preview 或 commit').default('preview'),
});
export const reportsExportQuery = z.strictObject({ period, district: z.string().trim().max(16).optional() });
/** One problem of an import: the row as the spreadsheet numbers it, the column by its header. */
export const monitoringImportError = z.object({ row: z.number(), column: z.string(), code: z.string(), message: z.string() });
export const monitoringImportResult = z.object({
  period: z.string(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  explained: z.number(),
  errors: z.array(monitoringImportError),
  errorCount: z.number(),
  committed: z.boolean(),
});
