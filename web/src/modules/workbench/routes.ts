import { lazy } from 'react';
import { type AppRoute, EVERYONE } from '../../shared/app-route';

export const workbenchRoutes: AppRoute[] = [{ path: '/', page: lazy(() => import('./HomePage')), roles: EVERYONE, menu: '工作台' }];
