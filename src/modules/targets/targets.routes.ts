import type { RoutePlugin } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { listTargets } from './list-targets.js';
import { setTarget } from './set-target.js';
import { suggestTargetSplit } from './suggest-target-split.js';
import { setTargetBody, splitQuery, splitResponse, targetProgress, targetsQuery, targetsResponse } from './targets.schemas.js';

const tags = ['目标考核'];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

// 目标考核 (issue 12): targets per unit, indicator and year, with progress computed from the registry.
export const targetsRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/targets',
    {
      schema: {
        tags,
        summary: '某年度的目标及完成情况（市级看全部，区县看市级和本区县；完成数由企业库计算，可查看明细）',
        querystring: targetsQuery,
        response: { 200: targetsResponse, ...errors },
      },
    },
    (request) => listTargets(ctx, request.actor, request.query.year),
  );
  app.put(
    '/api/targets',
    {
      schema: {
        tags,
        summary: '设置一项目标（市经信委设置全部；区县只设置本区县；修改需带版本号）',
        body: setTargetBody,
        response: { 200: targetProgress, ...errors },
      },
    },
    (request) => setTarget(ctx, request.actor, request.body),
  );
  app.get(
    '/api/targets/split-suggestion',
    {
      schema: {
        tags,
        summary: '市级目标按各区县现有企业占比分解的建议值（最大余数法，合计等于市级目标）',
        querystring: splitQuery,
        response: { 200: splitResponse, ...errors },
      },
    },
    (request) => suggestTargetSplit(ctx, request.actor, request.query.indicator, request.query.year),
  );
};
