import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { markAllMessagesRead as markAll, unreadCountOf } from './messages.repo.js';
import { signedIn } from './signed-in.js';

/** Marks all of the caller's unread messages read. */
export async function markAllMessagesRead(ctx: AppContext, actor: Actor | null): Promise<{ marked: number; count: number }> {
  const me = signedIn(actor);
  return ctx.db.transaction(async (tx) => {
    const marked = await markAll(tx, me.userId, new Date());
    return { marked, count: await unreadCountOf(tx, me.userId) };
  });
}
