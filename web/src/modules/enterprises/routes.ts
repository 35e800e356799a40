import { lazy } from 'react';
import { type AppRoute, OFFICERS } from '../../shared/app-route';

export const enterprisesRoutes: AppRoute[] = [
  {
    path: '/enterprises',
    page: lazy(() => import('./EnterprisesPage')),
    roles: [...OFFICERS, 'enterprise'],
    menu: { default: '企业库', enterprise: '本企业信息' },
  },
  { path: '/enterprises/import', page: lazy(() => import('./ImportPage')), roles: OFFICERS },
  { path: '/enterprises/:id', page: lazy(() => import('./EnterpriseDetailPage')), roles: [...OFFICERS, 'enterprise', 'expert'] },
];
