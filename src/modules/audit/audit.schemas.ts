// Every request and response schema of the audit routes (审计日志).
import { z } from 'zod';
import { dateTimeQuery, errorBody, paging } from '../../server/validation.js';

export const auditQuery = z.strictObject({
  actor: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  /** Any part of an enterprise's name, or the start of its USCC. */
  enterprise: z.string().trim().max(100).optional(),
  from: dateTimeQuery().optional(),
  to: dateTimeQuery().optional(),
  ...paging,
});

export const auditEntry = z.object({
  id: z.number(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  /** What people read: the action's name, the kind of record and its name, the changed fields. */
  actionLabel: z.string(),
  entityTypeLabel: z.string(),
  entityLabel: z.string(),
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
});

export const auditPage = z.object({ items: z.array(auditEntry), total: z.number() });
export const auditActions = z.array(z.object({ action: z.string(), label: z.string() }));
export const auditErrors = { 400: errorBody, 401: errorBody, 404: errorBody };

export type AuditQuery = z.infer<typeof auditQuery>;
export type AuditEntry = z.infer<typeof auditEntry>;
