import { lazy } from 'react';
import { type AppRoute, OFFICERS } from '../../shared/app-route';

// 运行监测 (issue 11). W1 (enterprise and the report form), W2 (officers) and I (import) add their
// routes here with small edits; the menu group is 运行监测.
const group = '运行监测';

export const monitoringRoutes: AppRoute[] = [
  // ---- W1: the monthly report (月报) ----
  { path: '/monitoring/my-reports', page: lazy(() => import('./MyReportsPage')), roles: ['enterprise'], menu: '月报填报', group },
  // The form: the enterprise, and its district (代报 for a firm that reports offline); other officers read it.
  { path: '/monitoring/reports/:enterpriseId/:period', page: lazy(() => import('./ReportPage')), roles: [...OFFICERS, 'enterprise'] },
  // ---- W2: officers ----
  // ---- I: import ----
];
