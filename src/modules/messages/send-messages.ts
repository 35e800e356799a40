import type { DbOrTx } from '../../db/database.js';
import { userContacts } from '../auth/users.repo.js';
import { activeChannelNames, type ChannelName, type OutboxPayload } from './channels.js';
import { enqueueOutboxDelivery } from './messages.jobs.js';
import { insertMessages, insertOutbox } from './messages.repo.js';
import { type MessageCategory, messageCategoryLabel, newMessage } from './messages.schemas.js';

export interface NewMessage {
  userId: string;
  category: MessageCategory;
  title: string;
  body: string;
  /** A path of the web app that opens the object ('/enterprises/…'). */
  link?: string | null;
}

/**
 * Tells users about a change: call it with the transaction of that change, so that a message
 * exists exactly when the change does. Inserts the messages and, for each channel configured
 * outside the platform (none by default), one outbox row per recipient it can reach.
 */
export async function sendMessages(tx: DbOrTx, messages: NewMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const checked = messages.map((m) => {
    const parsed = newMessage.safeParse(m);
    // A bad message is a bug of the module sending it, not an input of the user: fail the change.
    if (!parsed.success)
      throw new Error(`sendMessages: invalid message (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
    return parsed.data;
  });
  // In user order: the unread counters (triggers) are locked in the same order by every transaction.
  checked.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  const now = new Date();
  const inserted = await insertMessages(
    tx,
    checked.map((m) => ({ userId: m.userId, category: m.category, title: m.title, body: m.body, link: m.link ?? null, createdAt: now })),
  );

  const channels = activeChannelNames();
  if (channels.length === 0) return;
  const contacts = new Map((await userContacts(tx, [...new Set(checked.map((m) => m.userId))])).map((u) => [u.id, u]));
  const rows: { messageId: string; channel: ChannelName; address: string; payload: OutboxPayload }[] = [];
  inserted.forEach((row, i) => {
    const m = checked[i];
    const user = contacts.get(row.userId);
    if (!user || user.disabled) return;
    const payload: OutboxPayload = {
      category: m.category,
      categoryLabel: messageCategoryLabel(m.category),
      title: m.title,
      body: m.body,
      link: m.link ?? null,
      username: user.username,
      displayName: user.displayName,
      createdAt: now.toISOString(),
    };
    for (const channel of channels) {
      const address = channel === 'email' ? user.email : (user.mobile ?? user.username);
      if (address) rows.push({ messageId: row.id, channel, address, payload });
    }
  });
  if (rows.length === 0) return;
  await insertOutbox(tx, rows);
  await enqueueOutboxDelivery(tx, now);
}
