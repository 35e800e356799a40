import type { Db } from '../../db/database.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound, versionConflict } from '../../server/errors.js';
import { createUser } from '../auth/create-user.js';
import { expertAccountTaken } from './experts.errors.js';
import { selectExpert, updateExpertVersioned } from './experts.repo.js';
import { getExpert } from './get-expert.js';

/** Gives an expert of the pool that has none a login (role expert), linked to its entry. */
export async function createExpertAccount(ctx: AppContext, actor: Actor | null, id: string, input: { username: string; password: string }) {
  const admin = requireAccess(actor, 'expert.manage');
  await ctx.db.transaction(async (tx) => {
    const expert = await selectExpert(tx, id);
    if (!expert) throw notFound();
    if (expert.userId) throw expertAccountTaken();
    const user = await createUser({ ...ctx, db: tx as unknown as Db }, admin, {
      ...input,
      displayName: expert.name,
      role: 'expert',
      organization: expert.organization,
    });
    const after = await updateExpertVersioned(tx, id, expert.version, { userId: user.id });
    if (!after) throw versionConflict();
    await writeAudit(tx, admin, { action: 'expert.update', entityType: 'expert', entityId: id, before: expert, after });
  });
  return getExpert(ctx, admin, id);
}
