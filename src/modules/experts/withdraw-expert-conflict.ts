import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { deleteConflict } from './experts.repo.js';

/** Removes a conflict of interest recorded by mistake (the expert's assignments are not restored). */
export async function withdrawExpertConflict(ctx: AppContext, actor: Actor | null, expertId: string, enterpriseId: string) {
  const admin = requireAccess(actor, 'expert.manage');
  await ctx.db.transaction(async (tx) => {
    const removed = await deleteConflict(tx, expertId, enterpriseId);
    if (!removed) throw notFound();
    await writeAudit(tx, admin, { action: 'expert.conflict_withdraw', entityType: 'expert', entityId: expertId, before: removed });
  });
}
