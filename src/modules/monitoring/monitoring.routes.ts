import type { RoutePlugin } from '../../server/http.js';

// All routes of the monitoring module (运行监测). Each part adds its routes under its own comment:
// K reports and settings, S sample, review and chasing, A figures, I import and export.
export const monitoringRoutes: RoutePlugin = async (_app, { ctx: _ctx }) => {
  // ---- K: reports and settings ----
  // ---- S: sample, review, chasing ----
  // ---- A: figures (运行分析) ----
  // ---- I: import and export ----
};
