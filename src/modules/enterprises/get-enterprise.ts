import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { selectEnterpriseById } from './enterprises.repo.js';

/** One enterprise, if the actor's scope covers it; otherwise 404 as if it did not exist. */
export async function getEnterprise(ctx: AppContext, actor: Actor | null, id: string) {
  requireAccess(actor, 'enterprise.read');
  const enterprise = await selectEnterpriseById(ctx.db, id);
  if (!enterprise) throw notFound('企业');
  requireAccess(actor, 'enterprise.read', {
    enterpriseId: enterprise.id,
    districtCode: enterprise.districtCode,
    zoneCode: enterprise.zoneCode,
  });
  return enterprise;
}
