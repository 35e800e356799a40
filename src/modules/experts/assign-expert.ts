import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { getEnterprise } from '../enterprises/get-enterprise.js';
import { requireDistrict } from '../reference/check-reference-codes.js';
import { alreadyAssigned, conflictOfInterest, districtNotServed, notLittleGiant } from './experts.errors.js';
import { insertAssignment, selectConflict, selectExpert } from './experts.repo.js';
import type { AssignmentInput } from './experts.schemas.js';
import { presentAssignments } from './present-expert.js';

/**
 * Assigns an expert (city administrator): point-to-point to one 小巨人 enterprise, refused when the
 * expert declared a conflict with it; or to a district it serves, covering that district's 专精特新
 * enterprises now and later (minus those it declared a conflict with: the scope excludes them).
 */
export async function assignExpert(ctx: AppContext, actor: Actor | null, expertId: string, input: AssignmentInput) {
  const admin = requireAccess(actor, 'expert.manage');
  const expert = await selectExpert(ctx.db, expertId);
  if (!expert) throw notFound();
  if (input.kind === 'enterprise') {
    const enterprise = await getEnterprise(ctx, admin, input.enterpriseId);
    if (enterprise.currentTier !== 'little_giant') throw notLittleGiant(enterprise.name);
    const row = await ctx.db.transaction(async (tx) => {
      const conflict = await selectConflict(tx, expertId, enterprise.id);
      if (conflict) throw conflictOfInterest(enterprise.name, conflict.reason);
      const created = await insertAssignment(tx, { expertId, kind: 'enterprise', enterpriseId: enterprise.id, createdBy: admin.userId });
      if (!created) throw alreadyAssigned();
      await writeAudit(tx, admin, {
        action: 'expert.assign',
        entityType: 'expert',
        entityId: expertId,
        after: { kind: 'enterprise', enterpriseId: enterprise.id, enterpriseName: enterprise.name },
      });
      return created;
    });
    return { assignment: (await presentAssignments(ctx, [row]))[0] };
  }
  const district = await requireDistrict(ctx, input.districtCode);
  if (!expert.districtCodes.includes(district.code)) throw districtNotServed(district.name);
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertAssignment(tx, { expertId, kind: 'district', districtCode: district.code, createdBy: admin.userId });
    if (!created) throw alreadyAssigned();
    await writeAudit(tx, admin, {
      action: 'expert.assign',
      entityType: 'expert',
      entityId: expertId,
      after: { kind: 'district', districtCode: district.code, districtName: district.name },
    });
    return created;
  });
  return { assignment: (await presentAssignments(ctx, [row]))[0] };
}
