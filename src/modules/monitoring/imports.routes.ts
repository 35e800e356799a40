import '@fastify/multipart';
import type { RoutePlugin } from '../../server/http.js';
import { sendXlsx } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { uploadedFile } from '../enterprises/import/import.routes.js';
import { buildImportTemplate } from './build-import-template.js';
import { exportPeriodReports } from './export-period-reports.js';
import { importMonthlyReports } from './import-monthly-reports.js';
import { importQuery, importTemplateQuery, monitoringImportResult, reportsExportQuery } from './monitoring.schemas.js';

// Part I of the monitoring routes (registered by monitoring.routes.ts): the import template, the
// import of a month's reports (preview, then commit: all or nothing) and the export of a period's reports.
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const tags = ['运行监测'];

export const importRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/monitoring/import-template.xlsx',
    {
      schema: {
        tags,
        summary: '下载月报导入模板（xlsx）：本辖区监测企业中该月尚未通过审核的企业各一行',
        querystring: importTemplateQuery,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, `月报导入模板-${request.query.period}.xlsx`, await buildImportTemplate(ctx, request.actor, request.query.period)),
  );

  app.post(
    '/api/monitoring/import',
    {
      schema: {
        tags,
        summary:
          '导入一个月的月报（xlsx / CSV）：mode=preview 逐行审核不写入，mode=commit 全部无误时一次写入（区县代报，直接计入运行分析）；同一文件重复导入不重复写入',
        consumes: ['multipart/form-data'],
        querystring: importQuery,
        response: { 200: monitoringImportResult, ...errors },
      },
    },
    async (request) => importMonthlyReports(ctx, request.actor, await uploadedFile(request), request.query.period, request.query.mode),
  );

  app.get(
    '/api/monitoring/reports.xlsx',
    { schema: { tags, summary: '导出某月的月报（xlsx，本辖区；可按区县筛选）', querystring: reportsExportQuery } },
    async (request, reply) =>
      sendXlsx(reply, `月报-${request.query.period}.xlsx`, await exportPeriodReports(ctx, request.actor, request.query)),
  );
};
