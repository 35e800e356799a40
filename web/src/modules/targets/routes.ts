import { lazy } from 'react';
import { type AppRoute, OFFICERS } from '../../shared/app-route';

// 目标考核 (issue 12): the targets and their progress; 定期通报 joins the group.
export const targetsRoutes: AppRoute[] = [
  { path: '/targets', page: lazy(() => import('./TargetsPage')), roles: OFFICERS, menu: '目标完成情况', group: '目标考核' },
];
