import type { AppContext } from '../../server/context.js';
import { selectAudit } from './audit.repo.js';
import { presentAudit } from './present-audit.js';

/**
 * The history of one record, newest first. No access check here: the caller has already
 * checked that the actor may see that record.
 */
export async function entityHistory(ctx: AppContext, entityType: string, entityId: string) {
  const { items } = await selectAudit(ctx.db, { entityType, entityId, page: 1, pageSize: 200 });
  return presentAudit(ctx, items);
}
