import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { type AuditFilter, selectAudit } from './audit.repo.js';
import { presentAudit } from './present-audit.js';

export async function listAudit(ctx: AppContext, actor: Actor | null, filter: AuditFilter) {
  requireAccess(actor, 'audit.read');
  if (filter.from && filter.to && filter.from >= filter.to) {
    throw new AppError('DATE_RANGE_INVALID', 400, '开始时间必须早于结束时间', { field: 'from' });
  }
  const { items, total } = await selectAudit(ctx.db, filter);
  return { items: await presentAudit(ctx, items), total };
}

/**
 * The history of one record, newest first. No access check here: the caller has already
 * checked that the actor may see that record.
 */
export async function entityHistory(ctx: AppContext, entityType: string, entityId: string) {
  const { items } = await selectAudit(ctx.db, { entityType, entityId, page: 1, pageSize: 200 });
  return presentAudit(ctx, items);
}
