import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { dateRangeInvalid } from './audit.errors.js';
import { type AuditFilter, selectAudit } from './audit.repo.js';
import { presentAudit } from './present-audit.js';

export async function listAudit(ctx: AppContext, actor: Actor | null, filter: AuditFilter) {
  requireAccess(actor, 'audit.read');
  if (filter.from && filter.to && filter.from >= filter.to) {
    throw dateRangeInvalid();
  }
  const { items, total } = await selectAudit(ctx.db, filter);
  return { items: await presentAudit(ctx, items), total };
}
