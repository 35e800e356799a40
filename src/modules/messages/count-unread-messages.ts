import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { unreadCountOf } from './messages.repo.js';
import { signedIn } from './signed-in.js';

/** The badge on the bell: the caller's unread messages. */
export async function countUnreadMessages(ctx: AppContext, actor: Actor | null): Promise<{ count: number }> {
  const me = signedIn(actor);
  return { count: await unreadCountOf(ctx.db, me.userId) };
}
