import { lazy } from 'react';
import type { AppRoute } from '../../shared/app-route';

export const expertsRoutes: AppRoute[] = [
  { path: '/experts', page: lazy(() => import('./ExpertsPage')), roles: ['city_admin'], menu: '专家库' },
  { path: '/experts/my', page: lazy(() => import('./MyEnterprisesPage')), roles: ['expert'], menu: '我的服务企业' },
];
