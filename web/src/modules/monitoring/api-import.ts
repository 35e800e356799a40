// Typed calls of 月报导入 (part I of issue 11): the template and export downloads, and the import
// (preview, then commit) of a month's file.
import type { z } from 'zod';
import type { monitoringImportError, monitoringImportResult } from '../../../../src/modules/monitoring/monitoring.schemas';
import { ApiError, query } from '../../shared/api';
import type { Json } from '../../shared/json';

export type MonitoringImportResult = Json<z.output<typeof monitoringImportResult>>;
export type MonitoringImportError = Json<z.output<typeof monitoringImportError>>;

export const importTemplateUrl = (period: string) => `/api/monitoring/import-template.xlsx${query({ period })}`;
export const reportsExportUrl = (period: string) => `/api/monitoring/reports.xlsx${query({ period })}`;

/**
 * Sends the file for a preview or a commit. A commit refused for errors answers 400 with the errors
 * in its details: that is a result to show (by row and column), not a failure.
 */
export async function importReports(file: File, period: string, mode: 'preview' | 'commit'): Promise<MonitoringImportResult> {
  const body = new FormData();
  body.append('file', file);
  const response = await fetch(`/api/monitoring/import${query({ period, mode })}`, { method: 'POST', body, credentials: 'same-origin' });
  const data = await response.json().catch(() => ({}));
  if (response.ok) return data as MonitoringImportResult;
  if (data?.code === 'MONITORING_IMPORT_HAS_ERRORS' && data.details?.errors)
    return { period, rows: 0, created: 0, updated: 0, unchanged: 0, explained: 0, committed: false, ...data.details };
  throw new ApiError(response.status, data?.code ?? 'HTTP_ERROR', data?.message ?? `请求失败（${response.status}）`, data?.details);
}
