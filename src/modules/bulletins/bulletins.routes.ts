import type { RoutePlugin } from '../../server/http.js';

// 定期通报 (issue 12): settings, the draft ranking of the districts, publication (frozen), docx and xlsx.
export const bulletinsRoutes: RoutePlugin = async (_app, { ctx: _ctx }) => {};
