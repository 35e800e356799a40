import { requireAccess } from '../../server/access.js';
import type { RoutePlugin } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { checkReport } from './check-report.js';
import { getReport } from './get-report.js';
import { listMyReports } from './list-my-reports.js';
import { loadMonitoringSettings } from './load-settings.js';
import {
  monitoringSettingsBody,
  monitoringSettingsResult,
  myReports,
  reportBody,
  reportCheckResult,
  reportDetail,
  reportParams,
  reportPutResult,
} from './monitoring.schemas.js';
import { setMonitoringSettings } from './set-settings.js';
import { submitReport } from './submit-report.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['运行监测'];

/** K: the monthly report (月报) and the monitoring settings (监测设置). */
export const reportRoutes: RoutePlugin = async (app, { ctx }) => {
  app.put(
    '/api/monitoring/reports/:enterpriseId/:period',
    {
      schema: {
        tags,
        summary: '报送或修改月报（企业本身，或所在区县代报；金额单位：元）',
        params: reportParams,
        body: reportBody,
        response: { 200: reportPutResult, ...errors },
      },
    },
    (request) => submitReport(ctx, request.actor, request.params.enterpriseId, request.params.period, request.body),
  );

  app.get(
    '/api/monitoring/reports/:enterpriseId/:period',
    {
      schema: {
        tags,
        summary: '一家企业某月的月报（填报值、审核提示、上月与上年同期、修订记录）',
        params: reportParams,
        response: { 200: reportDetail, ...errors },
      },
    },
    (request) => getReport(ctx, request.actor, request.params.enterpriseId, request.params.period),
  );

  app.post(
    '/api/monitoring/reports/:enterpriseId/:period/check',
    {
      schema: {
        tags,
        summary: '试审核月报（不保存：填报时即时提示）',
        params: reportParams,
        body: reportBody,
        response: { 200: reportCheckResult, ...errors },
      },
    },
    (request) => checkReport(ctx, request.actor, request.params.enterpriseId, request.params.period, request.body),
  );

  app.get(
    '/api/monitoring/my-reports',
    { schema: { tags, summary: '我的月报（近 12 个月的报送情况）', response: { 200: myReports, ...errors } } },
    (request) => listMyReports(ctx, request.actor),
  );

  app.get(
    '/api/monitoring/settings',
    { schema: { tags, summary: '监测设置（截止日、审核阈值）', response: { 200: monitoringSettingsResult, ...errors } } },
    (request) => {
      requireAccess(request.actor, 'monitoring.settings.read');
      return loadMonitoringSettings(ctx.db);
    },
  );

  app.put(
    '/api/monitoring/settings',
    {
      schema: {
        tags,
        summary: '修改监测设置（市经信委）',
        body: monitoringSettingsBody,
        response: { 200: monitoringSettingsResult, ...errors },
      },
    },
    (request) => setMonitoringSettings(ctx, request.actor, request.body),
  );
};
