import { type RoutePlugin, sendXlsx } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import {
  breakdownQuery,
  breakdownResult,
  chartXlsxBody,
  cockpitFlowsQuery,
  cockpitFlowsResult,
  flowRowsQuery,
  flowRowsResult,
} from './dashboard.schemas.js';
import { exportChartData } from './export-chart-data.js';
import { getDashboardBreakdown } from './get-dashboard-breakdown.js';
import { getDashboardFlows } from './get-dashboard-flows.js';
import { listFlowRows } from './list-flow-rows.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const tags = ['数据驾驶舱'];

/** The cockpit's figures behind the headline ones (C): breakdowns for the map and the bars, 有进有出, a chart's data as xlsx. */
export const cockpitRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/dashboard/breakdown',
    {
      schema: {
        tags,
        summary: '数据驾驶舱：某一数字按区县（含功能区，0 也列出）、行业门类、“33618”集群或梯度分组，每组附其明细列表的接口地址',
        querystring: breakdownQuery,
        response: { 200: breakdownResult, ...errors },
      },
    },
    (request) => getDashboardBreakdown(ctx, request.actor, request.query),
  );

  app.get(
    '/api/dashboard/flows',
    {
      schema: {
        tags,
        summary: '数据驾驶舱：有进有出，逐年各梯度进入和退出的称号数，每个数字附其明细的接口地址',
        querystring: cockpitFlowsQuery,
        response: { 200: cockpitFlowsResult, ...errors },
      },
    },
    (request) => getDashboardFlows(ctx, request.actor, request.query),
  );

  app.get(
    '/api/dashboard/flows/rows',
    {
      schema: {
        tags,
        summary: '数据驾驶舱：有进有出某一数字背后的称号（企业、认定日期、退出日期和方式）',
        querystring: flowRowsQuery,
        response: { 200: flowRowsResult, ...errors },
      },
    },
    (request) => listFlowRows(ctx, request.actor, request.query),
  );

  app.post(
    '/api/dashboard/chart.xlsx',
    { schema: { tags, summary: '数据驾驶舱：把页面上一张图的数据导出为 xlsx', body: chartXlsxBody, response: { ...errors } } },
    async (request, reply) => sendXlsx(reply, request.body.title, await exportChartData(request.actor, request.body)),
  );
};
