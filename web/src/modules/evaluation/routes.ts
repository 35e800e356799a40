import { lazy } from 'react';
import { type AppRoute, EVERYONE, OFFICERS } from '../../shared/app-route';

const SelfAssessmentPage = lazy(() => import('./SelfAssessmentPage'));

export const evaluationRoutes: AppRoute[] = [
  { path: '/evaluations/pool', page: lazy(() => import('./PipelinePoolPage')), roles: OFFICERS, menu: '后备库' },
  { path: '/evaluations/rules', page: lazy(() => import('./RuleSetsPage')), roles: OFFICERS, menu: '评价规则' },
  { path: '/self-assessment', page: SelfAssessmentPage, roles: EVERYONE, menu: '自评测算' },
  // The public calculator: the same page, open without logging in (it stores nothing).
  { path: '/calculator', page: SelfAssessmentPage, roles: EVERYONE, public: true },
];
