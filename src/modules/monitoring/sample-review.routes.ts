import type { RoutePlugin } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { addToSample } from './add-to-sample.js';
import { listRemovedFromSample } from './list-removed-from-sample.js';
import { listSample } from './list-sample.js';
import {
  removedListQuery,
  removedPage,
  sampleAddBody,
  sampleListQuery,
  samplePage,
  sampleParams,
  sampleRemoveBody,
  sampleResult,
} from './monitoring.schemas.js';
import { removeFromSample } from './remove-from-sample.js';

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
};
