import type { RoutePlugin } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { cockpitRoutes } from './cockpit.routes.js';
import { dashboardQuery, dashboardResult } from './dashboard.schemas.js';
import { getDashboard } from './get-dashboard.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const tags = ['数据驾驶舱'];

// 数据驾驶舱 (issue 12): GET /api/dashboard (L) and the figures behind the cockpit (C), read from the
// replica when set. Each part adds its routes under its own comment.
export const dashboardRoutes: RoutePlugin = async (app, { ctx }) => {
  // ---- L: the headline figures (contract) ----
  app.get(
    '/api/dashboard',
    {
      schema: {
        tags,
        summary: '数据驾驶舱：本范围的主要数字（在库企业、各梯度有效称号企业数 …），每个数字附其明细列表的接口地址',
        querystring: dashboardQuery,
        response: { 200: dashboardResult, ...errors },
      },
    },
    (request) => getDashboard(ctx, request.actor, request.query),
  );
  // ---- C: breakdowns and flows ----
  await cockpitRoutes(app, { ctx });
};
