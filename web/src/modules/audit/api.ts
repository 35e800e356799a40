import type { z } from 'zod';
import type { AuditQuery, auditActions, auditPage } from '../../../../src/modules/audit/audit.schemas';
import { api, query } from '../../shared/api';
import type { Json } from '../../shared/json';

export type AuditPage = Json<z.output<typeof auditPage>>;
export type AuditRow = AuditPage['items'][number];
export type AuditActions = z.output<typeof auditActions>;
type AuditFilter = { [K in keyof AuditQuery]?: string | number };

export const auditKeys = {
  actions: ['audit-actions'] as const,
  list: (filter: object) => ['audit', filter] as const,
};

export const fetchAuditActions = () => api<AuditActions>('/api/audit/actions');
export const fetchAudit = (f: AuditFilter) => api<AuditPage>(`/api/audit${query(f)}`);
