import type { Actor, Role } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { getEnterprise } from '../enterprises/get-enterprise.js';
import { requireDistrict } from '../reference/check-reference-codes.js';
import { bindingMissing } from './auth.errors.js';

export interface Binding {
  districtCode?: string | null;
  enterpriseId?: string | null;
  organization?: string | null;
}

const ORGANIZATION_ROLES: Role[] = ['department', 'provider', 'bank', 'expert'];

/**
 * What a role must be bound to: a district officer to one 区县 or zone, an enterprise user to
 * one enterprise, the other outside roles to their organisation. Returns the normalised binding.
 */
export async function checkBinding(ctx: AppContext, actor: Actor, role: Role, binding: Binding): Promise<Required<Binding>> {
  const result = { districtCode: null, enterpriseId: null, organization: null } as Required<Binding>;
  if (role === 'district_admin') {
    if (!binding.districtCode) throw bindingMissing('districtCode', '区县经信委账号须指定所属区县或功能区');
    result.districtCode = (await requireDistrict(ctx, binding.districtCode)).code;
  }
  if (role === 'enterprise') {
    if (!binding.enterpriseId) throw bindingMissing('enterpriseId', '企业账号须绑定一家企业');
    result.enterpriseId = (await getEnterprise(ctx, actor, binding.enterpriseId)).id;
  }
  if (ORGANIZATION_ROLES.includes(role)) {
    if (!binding.organization) throw bindingMissing('organization', '该角色须填写所属单位');
    result.organization = binding.organization;
  }
  return result;
}
