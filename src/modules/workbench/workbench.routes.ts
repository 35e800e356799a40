import type { RoutePlugin } from '../../server/http.js';

// 工作台 (issue 12): what needs doing now, per role, with counts and links.
export const workbenchRoutes: RoutePlugin = async (_app, { ctx: _ctx }) => {};
