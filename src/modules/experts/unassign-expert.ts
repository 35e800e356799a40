import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { deleteAssignment, selectAssignment } from './experts.repo.js';

/** Ends one assignment of an expert (its visits stay on record). */
export async function unassignExpert(ctx: AppContext, actor: Actor | null, expertId: string, assignmentId: string) {
  const admin = requireAccess(actor, 'expert.manage');
  await ctx.db.transaction(async (tx) => {
    const assignment = await selectAssignment(tx, expertId, assignmentId);
    if (!assignment) throw notFound();
    await deleteAssignment(tx, assignment.id);
    await writeAudit(tx, admin, { action: 'expert.unassign', entityType: 'expert', entityId: expertId, before: assignment });
  });
}
