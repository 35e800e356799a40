import { lazy } from 'react';
import { type AppRoute, OFFICERS } from '../../shared/app-route';

export const referenceRoutes: AppRoute[] = [
  { path: '/reference', page: lazy(() => import('./ReferencePage')), roles: OFFICERS, menu: '参考数据' },
];
