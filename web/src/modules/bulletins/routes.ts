import type { AppRoute } from '../../shared/app-route';

// 定期通报 (issue 12): pages are added here with small edits.
export const bulletinsRoutes: AppRoute[] = [];
