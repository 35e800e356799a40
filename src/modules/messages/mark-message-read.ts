import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { markMessageRead as markRead, unreadCountOf } from './messages.repo.js';
import { signedIn } from './signed-in.js';

/** Marks one of the caller's messages read (again: no change); another user's message is 404, as if absent. */
export async function markMessageRead(ctx: AppContext, actor: Actor | null, id: string): Promise<{ count: number }> {
  const me = signedIn(actor);
  return ctx.db.transaction(async (tx) => {
    if (!(await markRead(tx, me.userId, id, new Date()))) throw notFound();
    return { count: await unreadCountOf(tx, me.userId) };
  });
}
