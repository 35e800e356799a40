import { lazy } from 'react';
import { type AppRoute, OFFICERS } from '../../shared/app-route';

// 定期通报 (issue 12), in the 目标考核 menu group.
export const bulletinsRoutes: AppRoute[] = [
  { path: '/bulletins', page: lazy(() => import('./BulletinsPage')), roles: OFFICERS, menu: '定期通报', group: '目标考核' },
  { path: '/bulletins/:id', page: lazy(() => import('./BulletinPage')), roles: OFFICERS },
];
