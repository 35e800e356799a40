import type { AppRoute } from '../../shared/app-route';

// 数据驾驶舱 (issue 12): pages are added here with small edits.
export const dashboardRoutes: AppRoute[] = [];
