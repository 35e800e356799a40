import type { RoutePlugin } from '../../server/http.js';
import { auditActions, auditErrors, auditPage, auditQuery } from './audit.schemas.js';
import { listAudit } from './list-audit.js';
import { listAuditActions } from './list-audit-actions.js';

export const auditRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['审计日志'],
        summary: '审计日志（按操作人、对象、操作、时间筛选）',
        querystring: auditQuery,
        response: { 200: auditPage, ...auditErrors },
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
        response: { 200: auditActions, 401: auditErrors[401], 404: auditErrors[404] },
      },
    },
    (request) => listAuditActions(request.actor),
  );
};
