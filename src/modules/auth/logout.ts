import type { Actor } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { deleteSession } from './sessions.repo.js';

export async function logout(ctx: AppContext, actor: Actor | null, token: string | undefined): Promise<void> {
  if (!token) return;
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, token);
    if (actor) await writeAudit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}
