import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { bulletinsRoutes } from './modules/bulletins/routes';
import { dashboardRoutes } from './modules/dashboard/routes';
import { enterprisesRoutes } from './modules/enterprises/routes';
import { evaluationRoutes } from './modules/evaluation/routes';
import { expertsRoutes } from './modules/experts/routes';
import { jobsRoutes } from './modules/jobs/routes';
import { messagesRoutes } from './modules/messages/routes';
import { monitoringRoutes } from './modules/monitoring/routes';
import { recognitionRoutes } from './modules/recognition/routes';
import { referenceRoutes } from './modules/reference/routes';
import { targetsRoutes } from './modules/targets/routes';
import { workbenchRoutes } from './modules/workbench/routes';
import type { AppRoute } from './shared/app-route';

/**
 * The one route table: main.tsx builds the router from it, navigation.ts the menu and the 无权访问 page.
 * Each module lists its own routes in `modules/<m>/routes.ts`; this order is the menu's order.
 * A new module: add its routes.ts here (where its menu entry belongs).
 */
export const ROUTES: readonly AppRoute[] = [
  ...workbenchRoutes,
  ...dashboardRoutes,
  ...enterprisesRoutes,
  ...expertsRoutes,
  ...evaluationRoutes,
  ...recognitionRoutes,
  ...monitoringRoutes,
  ...targetsRoutes,
  ...bulletinsRoutes,
  ...referenceRoutes,
  ...authRoutes,
  ...auditRoutes,
  ...messagesRoutes,
  ...jobsRoutes,
];
