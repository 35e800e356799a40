import type { RoutePlugin } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { acceptReport } from './accept-report.js';
import { addToSample } from './add-to-sample.js';
import { getReportingRates } from './get-reporting-rates.js';
import { listNonReporters } from './list-non-reporters.js';
import { listRemovedFromSample } from './list-removed-from-sample.js';
import { listReports } from './list-reports.js';
import { listSample } from './list-sample.js';
import {
  acceptBody,
  chasePage,
  chaseQuery,
  ratesQuery,
  ratesResult,
  remindBody,
  remindResult,
  removedListQuery,
  removedPage,
  returnBody,
  reviewListQuery,
  reviewPage,
  reviewParams,
  reviewResult,
  sampleAddBody,
  sampleListQuery,
  samplePage,
  sampleParams,
  sampleRemoveBody,
  sampleResult,
} from './monitoring.schemas.js';
import { remindNonReporters } from './remind-non-reporters.js';
import { removeFromSample } from './remove-from-sample.js';
import { returnReport } from './return-report.js';

// Part S of the monitoring routes (registered by monitoring.routes.ts): the sample (监测企业), the
// officers' review of reports (月报审核) and chasing (催报) with the reporting rates.
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['运行监测'];

export const sampleReviewRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/monitoring/sample',
    {
      schema: {
        tags,
        summary: '监测企业名单（持有效称号的企业和区县增补的企业；小微企业占比）',
        querystring: sampleListQuery,
        response: { 200: samplePage, ...errors },
      },
    },
    (request) => listSample(ctx, request.actor, request.query),
  );

  app.get(
    '/api/monitoring/sample/removed',
    {
      schema: {
        tags,
        summary: '已移出监测的企业（原因、操作人、时间）',
        querystring: removedListQuery,
        response: { 200: removedPage, ...errors },
      },
    },
    (request) => listRemovedFromSample(ctx, request.actor, request.query),
  );

  app.put(
    '/api/monitoring/sample/:enterpriseId',
    {
      schema: {
        tags,
        summary: '纳入监测企业（区县或市经信委；持有效称号的企业已在名单中，重复纳入不变）',
        params: sampleParams,
        body: sampleAddBody,
        response: { 200: sampleResult, ...errors },
      },
    },
    (request) => addToSample(ctx, request.actor, request.params.enterpriseId, request.body),
  );

  app.delete(
    '/api/monitoring/sample/:enterpriseId',
    {
      schema: {
        tags,
        summary: '移出监测企业（须填写原因）',
        params: sampleParams,
        body: sampleRemoveBody,
        response: { 200: sampleResult, ...errors },
      },
    },
    (request) => removeFromSample(ctx, request.actor, request.params.enterpriseId, request.body),
  );

  app.get(
    '/api/monitoring/reports',
    {
      schema: {
        tags,
        summary: '月报审核列表（某月本辖区的月报：待说明、已通过、已退回；迟报、有说明、已审核筛选）',
        querystring: reviewListQuery,
        response: { 200: reviewPage, ...errors },
      },
    },
    (request) => listReports(ctx, request.actor, request.query),
  );

  app.post(
    '/api/monitoring/reports/:enterpriseId/:period/accept',
    {
      schema: {
        tags,
        summary: '审核通过月报（认可企业的说明）',
        params: reviewParams,
        body: acceptBody,
        response: { 200: reviewResult, ...errors },
      },
    },
    (request) => acceptReport(ctx, request.actor, request.params.enterpriseId, request.params.period, request.body),
  );

  app.post(
    '/api/monitoring/reports/:enterpriseId/:period/return',
    {
      schema: {
        tags,
        summary: '退回月报（须填写原因；退回后不计入运行分析，企业重新报送后再计入）',
        params: reviewParams,
        body: returnBody,
        response: { 200: reviewResult, ...errors },
      },
    },
    (request) => returnReport(ctx, request.actor, request.params.enterpriseId, request.params.period, request.body),
  );

  app.get(
    '/api/monitoring/chase',
    {
      schema: {
        tags,
        summary: '催报：某月未报送月报的监测企业（含已退回待重报的），联系人和已提醒次数',
        querystring: chaseQuery,
        response: { 200: chasePage, ...errors },
      },
    },
    (request) => listNonReporters(ctx, request.actor, request.query),
  );

  app.post(
    '/api/monitoring/chase/remind',
    {
      schema: {
        tags,
        summary: '再次提醒未报企业（全部或所选；每家企业每天最多提醒一次）',
        body: remindBody,
        response: { 200: remindResult, ...errors },
      },
    },
    (request) => remindNonReporters(ctx, request.actor, request.body),
  );

  app.get(
    '/api/monitoring/chase/rates',
    {
      schema: {
        tags,
        summary: '上报率、及时率、一次审核通过率（按区县）',
        querystring: ratesQuery,
        response: { 200: ratesResult, ...errors },
      },
    },
    (request) => getReportingRates(ctx, request.actor, request.query),
  );
};
