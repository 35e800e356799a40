import { lazy } from 'react';
import type { AppRoute } from '../../shared/app-route';

export const auditRoutes: AppRoute[] = [
  { path: '/admin/audit', page: lazy(() => import('./AuditPage')), roles: ['city_admin'], menu: '审计日志' },
];
