import type { Role } from './api';

export interface NavItem {
  path: string;
  label: string;
  roles: Role[];
}

/** What each role finds in the menu. The server checks every request anyway; this only hides what would be refused. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: '工作台', roles: ['city_admin', 'district_admin', 'department', 'enterprise', 'provider', 'bank', 'expert'] },
  { path: '/enterprises', label: '企业库', roles: ['city_admin', 'district_admin'] },
  { path: '/enterprises', label: '本企业信息', roles: ['enterprise'] },
  { path: '/evaluations/pool', label: '后备库', roles: ['city_admin', 'district_admin'] },
  { path: '/evaluations/rules', label: '评价规则', roles: ['city_admin', 'district_admin'] },
  {
    path: '/self-assessment',
    label: '自评测算',
    roles: ['city_admin', 'district_admin', 'enterprise', 'provider', 'bank', 'expert', 'department'],
  },
  { path: '/reference', label: '参考数据', roles: ['city_admin', 'district_admin'] },
  { path: '/admin/users', label: '用户管理', roles: ['city_admin'] },
  { path: '/admin/audit', label: '审计日志', roles: ['city_admin'] },
];

export const navFor = (role: Role) => NAV_ITEMS.filter((item) => item.roles.includes(role));
