/** The roles of zjtx (DESIGN.md, "Roles and data scope"), with their names in the interface. */
export const ROLES = ['city_admin', 'district_admin', 'department', 'enterprise', 'provider', 'bank', 'expert'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  city_admin: '市经信委',
  district_admin: '区县经信委',
  department: '部门',
  enterprise: '企业',
  provider: '服务机构',
  bank: '金融机构',
  expert: '专家',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
