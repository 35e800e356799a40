import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { findDistrict } from '../reference/find-district.js';
import type { DashboardScope } from './dashboard.schemas.js';

/**
 * Whose cockpit: the city's (all) or one district's or zone's. A city officer may name any district; a
 * district officer gets its own, and naming another is 404 (as if it did not exist), like an unknown code.
 */
export async function resolveDashboardScope(ctx: AppContext, actor: Actor | null, district: string | undefined): Promise<DashboardScope> {
  const who = requireAccess(actor, 'dashboard.read');
  const code = who.role === 'district_admin' ? (district ?? who.districtCode) : district;
  if (who.role === 'district_admin' && code !== who.districtCode) throw notFound();
  if (!code) return { kind: 'city', code: null, name: '全市' };
  const found = await findDistrict(ctx, code);
  if (!found) throw notFound();
  return { kind: 'district', code: found.code, name: found.name };
}
