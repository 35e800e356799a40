import type { RoutePlugin } from '../../server/http.js';

// 数据驾驶舱 (issue 12): GET /api/dashboard and the figures behind the cockpit, read from the replica when set.
export const dashboardRoutes: RoutePlugin = async (_app, { ctx: _ctx }) => {};
