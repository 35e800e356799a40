import { type RoutePlugin, sendXlsx } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { analysisFileName, exportAnalysis } from './export-analysis.js';
import { getAnalysis } from './get-analysis.js';
import { getStats } from './get-stats.js';
import { getTrend } from './get-trend.js';
import { listFigureRows } from './list-figure-rows.js';
import {
  analysisQuery,
  analysisResult,
  figureRowsQuery,
  figureRowsResult,
  statsQuery,
  statsResult,
  trendQuery,
  trendResult,
} from './monitoring.schemas.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const tags = ['运行监测'];

/** 运行分析 (A): the figures, read from monitoring_aggregates; the enterprises behind a figure; the xlsx. */
export const figureRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/monitoring/stats',
    {
      schema: {
        tags,
        summary: '运行监测统计：某月累计营业收入、利润总额同比（同口径），按梯度层级、区县、行业等分组',
        querystring: statsQuery,
        response: { 200: statsResult, ...errors },
      },
    },
    (request) => getStats(ctx, request.actor, request.query),
  );

  app.get(
    '/api/monitoring/analysis',
    {
      schema: {
        tags,
        summary: '运行分析：各指标累计同比、两年平均增长、较全部监测中小企业百分点、调查项增加占比和分析语句',
        querystring: analysisQuery,
        response: { 200: analysisResult, ...errors },
      },
    },
    (request) => getAnalysis(ctx, request.actor, request.query),
  );

  app.get(
    '/api/monitoring/analysis.xlsx',
    { schema: { tags, summary: '导出运行分析（xlsx）', querystring: analysisQuery } },
    async (request, reply) => sendXlsx(reply, analysisFileName(request.query), await exportAnalysis(ctx, request.actor, request.query)),
  );

  app.get(
    '/api/monitoring/trend',
    {
      schema: {
        tags,
        summary: '运行趋势：一年内逐月累计同比（营业收入、利润总额），按分组',
        querystring: trendQuery,
        response: { 200: trendResult, ...errors },
      },
    },
    (request) => getTrend(ctx, request.actor, request.query),
  );

  app.get(
    '/api/monitoring/rows',
    {
      schema: {
        tags,
        summary: '统计数字对应的企业（同口径、仅本年或全部）',
        querystring: figureRowsQuery,
        response: { 200: figureRowsResult, ...errors },
      },
    },
    (request) => listFigureRows(ctx, request.actor, request.query),
  );
};
