import type { Db } from '../../db/database.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { createUser } from '../auth/create-user.js';
import { checkExpertFields } from './check-expert-fields.js';
import { insertExpert } from './experts.repo.js';
import type { CreateExpertInput } from './experts.schemas.js';
import { getExpert } from './get-expert.js';

/** Adds an expert to the pool and, when asked, its login (role expert) in the same transaction. */
export async function createExpert(ctx: AppContext, actor: Actor | null, input: CreateExpertInput) {
  const admin = requireAccess(actor, 'expert.manage');
  const fields = await checkExpertFields(ctx, input);
  const id = await ctx.db.transaction(async (tx) => {
    // The account as 用户管理 makes it (policy, binding, audit), inside this transaction.
    const user = input.account
      ? await createUser({ ...ctx, db: tx as unknown as Db }, admin, {
          username: input.account.username,
          password: input.account.password,
          displayName: input.name,
          role: 'expert',
          organization: input.organization,
        })
      : null;
    const expert = await insertExpert(tx, {
      name: input.name,
      organization: input.organization,
      contactPhone: input.contactPhone ?? null,
      ...fields,
      userId: user?.id ?? null,
    });
    await writeAudit(tx, admin, { action: 'expert.create', entityType: 'expert', entityId: expert.id, after: expert });
    return expert.id;
  });
  return getExpert(ctx, admin, id);
}
