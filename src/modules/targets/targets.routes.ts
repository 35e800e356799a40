import type { RoutePlugin } from '../../server/http.js';

// 目标考核 (issue 12): targets per unit, indicator and year; listing records; progress.
export const targetsRoutes: RoutePlugin = async (_app, { ctx: _ctx }) => {};
