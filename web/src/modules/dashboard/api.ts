// Typed calls of the cockpit (数据驾驶舱, issue 12): the headline figures (GET /api/dashboard), the
// breakdowns and 有进有出 behind them, the monitoring trend of the place and a chart's data as xlsx.
import type { z } from 'zod';
import type {
  breakdownResult,
  ChartXlsxBody,
  cockpitFlowsResult,
  dashboardResult,
  flowRowsResult,
} from '../../../../src/modules/dashboard/dashboard.schemas';
import type { trendResult } from '../../../../src/modules/monitoring/monitoring.schemas';
import type { targetsResponse } from '../../../../src/modules/targets/targets.schemas';
import { ApiError, api, query } from '../../shared/api';
import type { Json } from '../../shared/json';

export type Dashboard = Json<z.output<typeof dashboardResult>>;
export type DashboardFigure = Dashboard['figures'][number];
export type Breakdown = Json<z.output<typeof breakdownResult>>;
export type BreakdownRow = Breakdown['rows'][number];
export type BreakdownBy = Breakdown['by'];
export type BreakdownFigure = Breakdown['figure'];
export type Flows = Json<z.output<typeof cockpitFlowsResult>>;
export type FlowRow = Flows['rows'][number];
export type FlowTitles = Json<z.output<typeof flowRowsResult>>;
export type Trend = Json<z.output<typeof trendResult>>;
export type ChartData = ChartXlsxBody;

/** Every cockpit query starts with 'dashboard': the place is part of each key. */
export const dashboardKeys = {
  figures: (district?: string) => ['dashboard', 'figures', district ?? ''] as const,
  breakdown: (by: string, figure: string, district?: string) => ['dashboard', 'breakdown', by, figure, district ?? ''] as const,
  flows: (district?: string) => ['dashboard', 'flows', district ?? ''] as const,
  trend: (year: number, district?: string) => ['dashboard', 'trend', year, district ?? ''] as const,
  rows: (src: string) => ['dashboard', 'rows', src] as const,
};

export const fetchDashboard = (district?: string) => api<Dashboard>(`/api/dashboard${query({ district })}`);
let early: { district: string | undefined; answer: Promise<Dashboard> } | null = null;

/**
 * Starts GET /api/dashboard before the page asks (routes.ts: when the app opens on /dashboard, and
 * while the page's code loads), so that the first figures come sooner. Once per page load.
 */
export function prefetchDashboard() {
  if (early || typeof window === 'undefined' || window.location.pathname !== '/dashboard') return;
  const district = new URLSearchParams(window.location.search).get('district') ?? undefined;
  early = { district, answer: fetchDashboard(district) };
  early.answer.catch(() => undefined);
}

/** The headline figures: the answer started early when it is for the same place (asked again if it failed: before login), else a new request. */
export function fetchDashboardFirst(district?: string): Promise<Dashboard> {
  const started = early;
  early = null;
  return started && started.district === district ? started.answer.catch(() => fetchDashboard(district)) : fetchDashboard(district);
}
export const fetchBreakdown = (by: BreakdownBy, figure: BreakdownFigure, district?: string) =>
  api<Breakdown>(`/api/dashboard/breakdown${query({ by, figure, district })}`);
export const fetchFlows = (district?: string) => api<Flows>(`/api/dashboard/flows${query({ district })}`);
export const fetchTrend = (year: number, district?: string) =>
  api<Trend>(`/api/monitoring/trend${query({ year, groupBy: 'tier', district })}`);

/** A chart's data as an xlsx download (the server writes the workbook; nothing is read). */
export async function downloadChartXlsx(data: ChartData): Promise<void> {
  const response = await fetch('/api/dashboard/chart.xlsx', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    throw new ApiError(response.status, body?.code ?? 'HTTP_ERROR', body?.message ?? `导出失败（${response.status}）`);
  }
  saveBlob(await response.blob(), `${data.title}.xlsx`);
}

/** Hands a file to the browser's download. */
export function saveBlob(blob: Blob | string, fileName: string) {
  const href = typeof blob === 'string' ? blob : URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  if (typeof blob !== 'string') setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

// ---- T's targets (GET /api/targets?year=): the cockpit shows the place's progress ----
export type Targets = Json<z.output<typeof targetsResponse>>;
export type TargetRow = Targets['items'][number];
export const targetKeys = { year: (year: number) => ['targets', 'year', year] as const };
export const fetchTargets = (year: number) => api<Targets>(`/api/targets${query({ year })}`);
