import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { getEnterprise } from '../enterprises/get-enterprise.js';
import { conflictAlreadyDeclared } from './experts.errors.js';
import { deleteEnterpriseAssignment, insertConflict, selectExpert } from './experts.repo.js';

/**
 * Records a conflict of interest an expert declared with an enterprise. From then on the expert
 * reaches that enterprise through no assignment (the scope excludes it), and a point-to-point
 * assignment to it ends in the same transaction.
 */
export async function declareExpertConflict(
  ctx: AppContext,
  actor: Actor | null,
  expertId: string,
  input: { enterpriseId: string; reason: string },
) {
  const admin = requireAccess(actor, 'expert.manage');
  const expert = await selectExpert(ctx.db, expertId);
  if (!expert) throw notFound();
  const enterprise = await getEnterprise(ctx, admin, input.enterpriseId);
  return ctx.db.transaction(async (tx) => {
    const conflict = await insertConflict(tx, { expertId, enterpriseId: enterprise.id, reason: input.reason });
    if (!conflict) throw conflictAlreadyDeclared();
    const removed = await deleteEnterpriseAssignment(tx, expertId, enterprise.id);
    await writeAudit(tx, admin, {
      action: 'expert.conflict_declare',
      entityType: 'expert',
      entityId: expertId,
      after: {
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
        reason: input.reason,
        assignmentRemoved: removed !== undefined,
      },
    });
    return {
      conflict: { enterpriseId: enterprise.id, enterpriseName: enterprise.name, reason: conflict.reason, createdAt: conflict.createdAt },
      removedAssignment: removed !== undefined,
    };
  });
}
