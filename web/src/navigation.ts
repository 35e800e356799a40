import type { Role } from './shared/api';

const EVERYONE: readonly Role[] = ['city_admin', 'district_admin', 'department', 'enterprise', 'provider', 'bank', 'expert'];
const OFFICERS: readonly Role[] = ['city_admin', 'district_admin'];

export interface AppRoute {
  /** A react-router path pattern. */
  path: string;
  /** Who may open it. The server checks every request anyway; this decides what the screen offers. */
  roles: readonly Role[];
  /** Its menu entry, if any: one label, or a label per role where the same page means something else. */
  menu?: string | Partial<Record<Role | 'default', string>>;
}

/** The one table of routes × roles: the router, the menu and the 无权访问 page are built from it. */
export const ROUTES: readonly AppRoute[] = [
  { path: '/', roles: EVERYONE, menu: '工作台' },
  { path: '/enterprises', roles: [...OFFICERS, 'enterprise'], menu: { default: '企业库', enterprise: '本企业信息' } },
  { path: '/enterprises/import', roles: OFFICERS },
  { path: '/enterprises/:id', roles: [...OFFICERS, 'enterprise', 'expert'] },
  { path: '/experts', roles: ['city_admin'], menu: '专家库' },
  { path: '/experts/my', roles: ['expert'], menu: '我的服务企业' },
  { path: '/evaluations/pool', roles: OFFICERS, menu: '后备库' },
  { path: '/evaluations/rules', roles: OFFICERS, menu: '评价规则' },
  { path: '/self-assessment', roles: EVERYONE, menu: '自评测算' },
  { path: '/reference', roles: OFFICERS, menu: '参考数据' },
  { path: '/admin/users', roles: ['city_admin'], menu: '用户管理' },
  { path: '/admin/audit', roles: ['city_admin'], menu: '审计日志' },
  { path: '/messages', roles: EVERYONE, menu: '消息中心' },
  { path: '/calculator', roles: EVERYONE },
  // A background job's progress (批量评价, 导入 …), reached from the page that started it.
  { path: '/jobs/:id', roles: EVERYONE },
  // Reached from 修改密码 in the header.
  { path: '/account/password', roles: EVERYONE },
];

export interface NavItem {
  path: string;
  label: string;
}

function menuLabel(route: AppRoute, role: Role): string | undefined {
  if (!route.menu || !route.roles.includes(role)) return undefined;
  return typeof route.menu === 'string' ? route.menu : (route.menu[role] ?? route.menu.default);
}

/** What each role finds in the menu, in the table's order. */
export const navFor = (role: Role): NavItem[] =>
  ROUTES.flatMap((route) => {
    const label = menuLabel(route, role);
    return label ? [{ path: route.path, label }] : [];
  });

export const canOpen = (role: Role, route: AppRoute) => route.roles.includes(role);

/** The menu entry to highlight: the page's own, or that of the section it lies in (/enterprises/:id → 企业库). */
export function menuKeyFor(role: Role, pathname: string): string | undefined {
  const keys = navFor(role).map((item) => item.path);
  if (keys.includes(pathname)) return pathname;
  return keys.filter((k) => k !== '/' && pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];
}
