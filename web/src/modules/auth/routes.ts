import { lazy } from 'react';
import { type AppRoute, EVERYONE } from '../../shared/app-route';

export const authRoutes: AppRoute[] = [
  { path: '/admin/users', page: lazy(() => import('./UsersPage')), roles: ['city_admin'], menu: '用户管理' },
  // Reached from 修改密码 in the header.
  { path: '/account/password', page: lazy(() => import('./ChangePasswordPage')), roles: EVERYONE },
];
