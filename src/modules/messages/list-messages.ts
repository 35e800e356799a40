import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { listMessagesOf, unreadCountOf } from './messages.repo.js';
import { type ListMessagesQuery, type MessageList, messageCategoryLabel } from './messages.schemas.js';
import { signedIn } from './signed-in.js';

/** The caller's own messages, newest first, filtered by read state and category. */
export async function listMessages(ctx: AppContext, actor: Actor | null, query: ListMessagesQuery): Promise<MessageList> {
  const me = signedIn(actor);
  const [{ items, total }, unread] = await Promise.all([listMessagesOf(ctx.db, me.userId, query), unreadCountOf(ctx.db, me.userId)]);
  return {
    items: items.map((m) => ({
      id: m.id,
      category: m.category,
      categoryLabel: messageCategoryLabel(m.category),
      title: m.title,
      body: m.body,
      link: m.link,
      createdAt: m.createdAt,
      readAt: m.readAt,
    })),
    total,
    unread,
  };
}
