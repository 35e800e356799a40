import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound, versionConflict } from '../../server/errors.js';
import { referenceNames } from '../reference/reference-names.js';
import { checkExpertFields } from './check-expert-fields.js';
import { districtStillAssigned } from './experts.errors.js';
import { selectAssignments, selectExpert, updateExpertVersioned } from './experts.repo.js';
import type { UpdateExpertInput } from './experts.schemas.js';
import { getExpert } from './get-expert.js';

/** Edits an expert of the pool; a district it is still assigned to cannot leave its districts served. */
export async function updateExpert(ctx: AppContext, actor: Actor | null, id: string, input: UpdateExpertInput) {
  const admin = requireAccess(actor, 'expert.manage');
  const fields = await checkExpertFields(ctx, input);
  await ctx.db.transaction(async (tx) => {
    const before = await selectExpert(tx, id);
    if (!before) throw notFound();
    const served = new Set(fields.districtCodes);
    const orphaned = (await selectAssignments(tx, id)).flatMap((a) =>
      a.kind === 'district' && a.districtCode && !served.has(a.districtCode) ? [a.districtCode] : [],
    );
    if (orphaned.length) {
      const names = await referenceNames(ctx);
      throw districtStillAssigned(orphaned.map((c) => names.district(c) ?? c));
    }
    const after = await updateExpertVersioned(tx, id, input.version, {
      name: input.name,
      organization: input.organization,
      contactPhone: input.contactPhone ?? null,
      ...fields,
    });
    if (!after) throw versionConflict();
    await writeAudit(tx, admin, { action: 'expert.update', entityType: 'expert', entityId: id, before, after });
  });
  return getExpert(ctx, admin, id);
}
