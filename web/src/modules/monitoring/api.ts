import { api } from '../../shared/api';

// 运行监测: typed calls for the monthly report (月报) endpoints (K). Officers' calls live in
// api-officers.ts (W2). Amounts are whole yuan in the API; the form shows 万元.

export type ReportStatus = 'needs_explanation' | 'accepted' | 'returned';
export type SurveyAnswer = 'up' | 'flat' | 'down';

export interface ReportValues {
  revenueMonth?: number | null;
  revenueYtd: number;
  profitYtd: number;
  employees: number;
  rdExpenseYtd?: number | null;
  outputYtd?: number | null;
  exportYtd?: number | null;
  taxYtd?: number | null;
  electricityYtd?: number | null;
  newOrders?: number | null;
  survey?: { orders?: SurveyAnswer; employment?: SurveyAnswer; financing?: SurveyAnswer } | null;
  suggestions?: string | null;
}

export interface ReportCheck {
  id: string;
  level: 'hard' | 'soft';
  field: string;
  message: string;
}

export interface ReportHistoryItem {
  version: number;
  action: string;
  actionLabel: string;
  status: ReportStatus;
  statusLabel: string;
  at: string;
  actorName: string | null;
  afterDue: boolean;
  note: string | null;
}

export interface ReportDetail {
  enterpriseId: string;
  enterpriseName: string;
  period: string;
  dueOn: string;
  late: boolean;
  status: ReportStatus | null;
  statusLabel: string;
  /** 0 = nothing reported yet. */
  version: number;
  values: ReportValues | null;
  explanations: Record<string, string>;
  checks: ReportCheck[];
  returnReason: string | null;
  lastMonth: ReportValues | null;
  lastYear: ReportValues | null;
  industrial: boolean;
  rdRequired: boolean;
  inSample: boolean;
  /** May the reader write (the enterprise itself, or its district entering for it: 代报). */
  canWrite: boolean;
  history: ReportHistoryItem[];
}

/** The body of PUT (and POST …/check): amounts in whole yuan. */
export interface ReportInput extends Partial<Omit<ReportValues, 'survey'>> {
  survey?: { orders?: SurveyAnswer; employment?: SurveyAnswer; financing?: SurveyAnswer };
  explanations?: Record<string, string>;
  /** The version the writer saw (stale → 409 MONITORING_REPORT_STALE). */
  version?: number;
}

export interface SubmitResult {
  status: ReportStatus;
  checks: ReportCheck[];
  version: number;
  late: boolean;
  dueOn: string;
  period: string;
}

export interface MyReportItem {
  period: string;
  dueOn: string;
  status: ReportStatus | null;
  statusLabel: string;
  late: boolean;
}

export interface MyReports {
  inSample: boolean;
  items: MyReportItem[];
}

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
