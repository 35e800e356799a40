import { lazy } from 'react';
import { type AppRoute, EVERYONE } from '../../shared/app-route';

export const messagesRoutes: AppRoute[] = [
  { path: '/messages', page: lazy(() => import('./MessagesPage')), roles: EVERYONE, menu: '消息中心' },
];
