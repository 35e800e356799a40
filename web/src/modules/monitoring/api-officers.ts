// Typed calls of the officers' side of 运行监测 (issue 11, /work/briefs11/contracts.md "S" and "A", and K's
// settings). Until a response schema lands in src/modules/monitoring/monitoring.schemas.ts, its type is
// declared here after the contract it follows (named in each comment); switch to
// `Json<z.output<typeof schema>>` as the schemas land.
import type { z } from 'zod';
import type { FigureMetric } from '../../../../src/domain/monitoring/figures';
import type {
  analysisResult,
  chasePage,
  figureGroupBy,
  figureRowsResult,
  ratesResult,
  remindResult,
  removedPage,
  reviewPage,
  reviewResult,
  samplePage,
  sampleResult,
  trendResult,
} from '../../../../src/modules/monitoring/monitoring.schemas';
import { api, query } from '../../shared/api';
import type { Json } from '../../shared/json';

export type Period = string; // 'YYYY-MM'
export type ReportStatus = 'needs_explanation' | 'accepted' | 'returned';

/** The one prefix of every query of this file: a change refreshes them all. */
export const officerKeys = {
  all: ['monitoring'] as const,
  sample: (f: object) => ['monitoring', 'sample', f] as const,
  removed: (f: object) => ['monitoring', 'sample', 'removed', f] as const,
  reports: (f: object) => ['monitoring', 'reports', f] as const,
  chase: (f: object) => ['monitoring', 'chase', f] as const,
  rates: (period: string) => ['monitoring', 'chase', 'rates', period] as const,
  analysis: (period: string, groupBy: string) => ['monitoring', 'analysis', period, groupBy] as const,
  trend: (year: number, groupBy: string) => ['monitoring', 'trend', year, groupBy] as const,
  rows: (f: object) => ['monitoring', 'rows', f] as const,
  settings: ['monitoring', 'settings'] as const,
};

type Q = Record<string, string | number | undefined | null>;

// ---- S: the sample (GET/PUT/DELETE /api/monitoring/sample) ----
export type SampleList = Json<z.output<typeof samplePage>>;
export type SampleItem = SampleList['items'][number];
export type SampleShare = SampleList['share'];
export type RemovedList = Json<z.output<typeof removedPage>>;
export type RemovedItem = RemovedList['items'][number];
export type SampleChange = z.output<typeof sampleResult>;
export const fetchSample = (f: Q) => api<SampleList>(`/api/monitoring/sample${query(f)}`);
export const fetchRemoved = (f: Q) => api<RemovedList>(`/api/monitoring/sample/removed${query(f)}`);
export const addToSample = (enterpriseId: string, reason?: string) =>
  api<SampleChange>(`/api/monitoring/sample/${enterpriseId}`, { method: 'PUT', body: reason ? { reason } : {} });
export const removeFromSample = (enterpriseId: string, reason: string) =>
  api<SampleChange>(`/api/monitoring/sample/${enterpriseId}`, { method: 'DELETE', body: { reason } });

// ---- S: review (GET /api/monitoring/reports, POST …/accept and …/return) ----
export type ReviewList = Json<z.output<typeof reviewPage>>;
export type ReviewItem = ReviewList['items'][number];
export type ReviewResult = Json<z.output<typeof reviewResult>>;
export const fetchReviewList = (f: Q) => api<ReviewList>(`/api/monitoring/reports${query(f)}`);
export const acceptReport = (enterpriseId: string, period: Period, body: { version: number; note?: string }) =>
  api<ReviewResult>(`/api/monitoring/reports/${enterpriseId}/${period}/accept`, { method: 'POST', body });
export const returnReport = (enterpriseId: string, period: Period, body: { version: number; reason: string }) =>
  api<ReviewResult>(`/api/monitoring/reports/${enterpriseId}/${period}/return`, { method: 'POST', body });

// ---- S: chasing (GET /api/monitoring/chase, POST /chase/remind, GET /chase/rates) ----
export type ChaseList = Json<z.output<typeof chasePage>>;
export type ChaseItem = ChaseList['items'][number];
export type Rates = Json<z.output<typeof ratesResult>>;
export type RateRow = Rates['rows'][number];
export const fetchChase = (f: Q) => api<ChaseList>(`/api/monitoring/chase${query(f)}`);
export const remind = (body: { period: Period; enterpriseIds?: string[] }) =>
  api<z.output<typeof remindResult>>('/api/monitoring/chase/remind', { method: 'POST', body });
export const fetchRates = (period: Period) => api<Rates>(`/api/monitoring/chase/rates${query({ period })}`);

// ---- A: figures (GET /api/monitoring/analysis, /trend, /rows, /analysis.xlsx) ----
export type GroupBy = z.output<typeof figureGroupBy>;
export type Analysis = Json<z.output<typeof analysisResult>>;
export type Figure = Analysis['all'];
export type Metric = FigureMetric;
export type Trend = Json<z.output<typeof trendResult>>;
export type FigureRows = Json<z.output<typeof figureRowsResult>>;
export type FigureRow = FigureRows['items'][number];
export const fetchAnalysis = (period: Period, groupBy: GroupBy) => api<Analysis>(`/api/monitoring/analysis${query({ period, groupBy })}`);
export const fetchTrend = (year: number, groupBy: GroupBy = 'tier') => api<Trend>(`/api/monitoring/trend${query({ year, groupBy })}`);
export const fetchFigureRows = (f: Q) => api<FigureRows>(`/api/monitoring/rows${query(f)}`);
export const analysisXlsxUrl = (period: Period, groupBy: GroupBy) => `/api/monitoring/analysis.xlsx${query({ period, groupBy })}`;

// ---- K: settings (GET/PUT /api/monitoring/settings; src/domain/monitoring/settings.ts MonitoringSettings) ----
export interface MonitoringSettings {
  dueDay: number;
  dueMode: 'calendar' | 'working';
  reminderDaysBefore: number;
  monthTolerance: number;
  yoyLimit: number;
  momLimit: number;
  marginMin: number;
  marginMax: number;
  rdShareMove: number;
  rdMonths: number[];
  smallMicroShareMin: number;
}
export const fetchSettings = () => api<MonitoringSettings>('/api/monitoring/settings');
export const saveSettings = (body: MonitoringSettings) => api<MonitoringSettings>('/api/monitoring/settings', { method: 'PUT', body });

// ---- Periods ----
/** The current month in Asia/Shanghai, 'YYYY-MM'. */
export function currentPeriod(now = new Date()): Period {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}`;
}
/** The month before a period. */
export function previousPeriod(p: Period): Period {
  const [y, m] = p.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
/** The last `n` periods up to `p`, newest first. */
export function recentPeriods(p: Period, n: number): Period[] {
  const out: Period[] = [p];
  while (out.length < n) out.push(previousPeriod(out[out.length - 1]));
  return out;
}
/** The default period officers look at: last month (its reports are due this month). */
export const defaultPeriod = () => previousPeriod(currentPeriod());
