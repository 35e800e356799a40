import type { ReportStatus } from './api';

/** Tag colours of a report's status; a period without a report is 未上报 (default colour). */
export const REPORT_STATUS_COLORS: Record<ReportStatus, string> = {
  needs_explanation: 'orange',
  accepted: 'green',
  returned: 'red',
};

export const statusColor = (status: string | null): string =>
  status && Object.hasOwn(REPORT_STATUS_COLORS, status) ? REPORT_STATUS_COLORS[status as ReportStatus] : 'default';
