import type { RoutePlugin } from '../../server/http.js';
import { figureRoutes } from './figures.routes.js';
import { importRoutes } from './imports.routes.js';
import { reportRoutes } from './reports.routes.js';
import { sampleReviewRoutes } from './sample-review.routes.js';

// All routes of the monitoring module (运行监测). Each part adds its routes under its own comment:
// K reports and settings, S sample, review and chasing, A figures, I import and export.
export const monitoringRoutes: RoutePlugin = async (app, { ctx }) => {
  // ---- K: reports and settings ----
  await reportRoutes(app, { ctx });
  // ---- S: sample, review, chasing ----
  await sampleReviewRoutes(app, { ctx });
  // ---- A: figures (运行分析) ----
  await figureRoutes(app, { ctx });
  // ---- I: import and export ----
  await importRoutes(app, { ctx });
};
