import { ROUTES } from './routes';
import type { Role } from './shared/api';
import type { AppRoute } from './shared/app-route';

export type { AppRoute };
// The routes themselves live in each module's routes.ts, put together in web/src/routes.ts.
export { ROUTES };

export interface NavItem {
  path: string;
  label: string;
  /** The submenu it sits in (AppRoute.group). */
  group?: string;
}

function menuLabel(route: AppRoute, role: Role): string | undefined {
  if (!route.menu || !route.roles.includes(role)) return undefined;
  return typeof route.menu === 'string' ? route.menu : (route.menu[role] ?? route.menu.default);
}

/** What each role finds in the menu, in the table's order. */
export const navFor = (role: Role): NavItem[] =>
  ROUTES.flatMap((route) => {
    const label = menuLabel(route, role);
    return label ? [{ path: route.path, label, ...(route.group ? { group: route.group } : {}) }] : [];
  });

export const canOpen = (role: Role, route: AppRoute) => route.roles.includes(role);

/** The menu entry to highlight: the page's own, or that of the section it lies in (/enterprises/:id → 企业库). */
export function menuKeyFor(role: Role, pathname: string): string | undefined {
  const keys = navFor(role).map((item) => item.path);
  if (keys.includes(pathname)) return pathname;
  return keys.filter((k) => k !== '/' && pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];
}
