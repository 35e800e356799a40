import type { AppRoute } from '../../shared/app-route';

// 目标考核 (issue 12): pages are added here with small edits.
export const targetsRoutes: AppRoute[] = [];
