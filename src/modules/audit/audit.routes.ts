import { z } from 'zod';
import type { RoutePlugin } from '../../server/http.js';
import { dateTimeQuery, errorBody, paging } from '../../server/validation.js';
import { listAudit } from './list-audit.js';
import { listAuditActions } from './list-audit-actions.js';

const auditQuery = z.strictObject({
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

const auditEntry = z.object({
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

export const auditRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['审计日志'],
        summary: '审计日志（按操作人、对象、操作、时间筛选）',
        querystring: auditQuery,
        response: { 200: z.object({ items: z.array(auditEntry), total: z.number() }), 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    (request) => listAudit(ctx, request.actor, request.query),
  );

  app.get(
    '/api/audit/actions',
    {
      schema: {
        tags: ['审计日志'],
        summary: '审计日志记录的全部操作及其名称（筛选用）',
        response: { 200: z.array(z.object({ action: z.string(), label: z.string() })), 401: errorBody, 404: errorBody },
      },
    },
    (request) => listAuditActions(request.actor),
  );
};
