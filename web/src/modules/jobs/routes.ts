import { lazy } from 'react';
import { type AppRoute, EVERYONE } from '../../shared/app-route';

// A background job's progress (批量评价, 导入 …), reached from the page that started it.
export const jobsRoutes: AppRoute[] = [{ path: '/jobs/:id', page: lazy(() => import('./JobPage')), roles: EVERYONE }];
