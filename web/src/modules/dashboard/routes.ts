import { lazy } from 'react';
import { type AppRoute, OFFICERS } from '../../shared/app-route';
import { prefetchDashboard } from './api';

// 数据驾驶舱 (issue 12): the cockpit, right after 工作台 in the menu, and the rows behind its figures.

// Opened straight on /dashboard (a bookmark, a reload): its figures are asked for while the app starts.
prefetchDashboard();
export const dashboardRoutes: AppRoute[] = [
  {
    path: '/dashboard',
    // The figures are asked for while the page's code loads: first figures on screen within 2 s.
    page: lazy(() => {
      prefetchDashboard();
      return import('./CockpitPage');
    }),
    roles: OFFICERS,
    menu: '数据驾驶舱',
  },
  { path: '/dashboard/rows', page: lazy(() => import('./RowsPage')), roles: OFFICERS },
];
