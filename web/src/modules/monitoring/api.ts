import type { z } from 'zod';
import type {
  myReports,
  reportBody,
  reportCheck,
  reportDetail,
  reportPutResult,
  reportValues,
} from '../../../../src/modules/monitoring/monitoring.schemas';
import { api } from '../../shared/api';
import type { Json } from '../../shared/json';

// 运行监测: typed calls for the monthly report (月报) endpoints (K). Officers' calls live in
// api-officers.ts (W2). Amounts are whole yuan in the API; the form shows 万元.

export type ReportStatus = NonNullable<ReportDetail['status']>;
export type SurveyAnswer = 'up' | 'flat' | 'down';
export type ReportValues = Json<z.output<typeof reportValues>>;
export type ReportCheck = Json<z.output<typeof reportCheck>>;
export type ReportDetail = Json<z.output<typeof reportDetail>>;
export type ReportHistoryItem = ReportDetail['history'][number];
/** The body of PUT (and POST …/check): amounts in whole yuan; `version` = the version the writer saw (stale → 409). */
export type ReportInput = Json<z.input<typeof reportBody>>;
export type SubmitResult = Json<z.output<typeof reportPutResult>>;
export type MyReports = Json<z.output<typeof myReports>>;
export type MyReportItem = MyReports['items'][number];

export const monitoringKeys = {
  myReports: ['monitoring', 'my-reports'] as const,
  report: (enterpriseId: string, period: string) => ['monitoring', 'reports', enterpriseId, period] as const,
};

const reportPath = (enterpriseId: string, period: string) =>
  `/api/monitoring/reports/${encodeURIComponent(enterpriseId)}/${encodeURIComponent(period)}`;

export const fetchMyReports = () => api<MyReports>('/api/monitoring/my-reports');
export const fetchReport = (enterpriseId: string, period: string) => api<ReportDetail>(reportPath(enterpriseId, period));
export const submitReport = (enterpriseId: string, period: string, body: ReportInput) =>
  api<SubmitResult>(reportPath(enterpriseId, period), { method: 'PUT', body });
export const checkReport = (enterpriseId: string, period: string, body: ReportInput) =>
  api<{ checks: ReportCheck[] }>(`${reportPath(enterpriseId, period)}/check`, { method: 'POST', body });
