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
  { path: '/monitoring/sample', page: lazy(() => import('./SamplePage')), roles: OFFICERS, menu: '监测企业', group },
  { path: '/monitoring/reports', page: lazy(() => import('./ReviewPage')), roles: OFFICERS, menu: '月报审核', group },
  { path: '/monitoring/chase', page: lazy(() => import('./ChasePage')), roles: OFFICERS, menu: '催报', group },
  { path: '/monitoring/analysis', page: lazy(() => import('./AnalysisPage')), roles: OFFICERS, menu: '运行分析', group },
  { path: '/monitoring/analysis/rows', page: lazy(() => import('./FigureRowsPage')), roles: OFFICERS },
  { path: '/monitoring/settings', page: lazy(() => import('./SettingsPage')), roles: OFFICERS, menu: '监测设置', group },
  // ---- I: import ----
  { path: '/monitoring/import', page: lazy(() => import('./ImportPage')), roles: OFFICERS, menu: '月报导入', group },
];
