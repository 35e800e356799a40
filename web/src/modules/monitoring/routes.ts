import type { AppRoute } from '../../shared/app-route';

// 运行监测 (issue 11). W1 (enterprise and the report form), W2 (officers) and I (import) add their
// routes here with small edits; the menu group is 运行监测.
export const monitoringRoutes: AppRoute[] = [];
