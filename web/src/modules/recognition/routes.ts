import { lazy } from 'react';
import { type AppRoute, OFFICERS } from '../../shared/app-route';

// 认定管理 (issue 10). W2 (officers, experts) and W1 (enterprises) add their routes here with small edits.
// Pages used by several roles pick their view by role (e.g. RoundsPage renders EnterpriseRounds for enterprises).
const group = '认定管理';

export const recognitionRoutes: AppRoute[] = [
  {
    path: '/recognition/rounds',
    page: lazy(() => import('./RoundsPage')),
    roles: [...OFFICERS, 'enterprise'],
    menu: { default: '申报批次', enterprise: '可申报批次' },
    group,
  },
  { path: '/recognition/rounds/:id', page: lazy(() => import('./RoundDetailPage')), roles: OFFICERS },
  {
    path: '/recognition/applications',
    page: lazy(() => import('./ApplicationsPage')),
    roles: [...OFFICERS, 'enterprise'],
    menu: { default: '申报审核', enterprise: '我的申报' },
    group,
  },
  {
    path: '/recognition/applications/:id',
    page: lazy(() => import('./ApplicationPage')),
    roles: [...OFFICERS, 'enterprise', 'expert'],
  },
  // W1: the 申报书 print view (frozen data, score, evidence list; A4).
  {
    path: '/recognition/applications/:id/print',
    page: lazy(() => import('./ApplicationPrint')),
    roles: [...OFFICERS, 'enterprise', 'expert'],
  },
  { path: '/recognition/reviews', page: lazy(() => import('./ReviewsPage')), roles: ['expert'], menu: '专家评审', group },
  {
    path: '/recognition/annual-update',
    page: lazy(() => import('./AnnualUpdatePage')),
    roles: [...OFFICERS, 'enterprise'],
    menu: { default: '年度更新监测', enterprise: '年度信息更新' },
    group,
  },
  { path: '/recognition/flows', page: lazy(() => import('./FlowsPage')), roles: OFFICERS, menu: '有进有出', group },
];
