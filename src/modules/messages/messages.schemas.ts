import { z } from 'zod';
import { MESSAGE_CATEGORIES } from '../../domain/message-categories.js';
import { paging, uuid } from '../../server/validation.js';

// The categories live in the domain (the web app shows their names too); listed here, the contract.
export {
  isMessageCategory,
  MESSAGE_CATEGORIES,
  MESSAGE_CATEGORY_LABELS,
  type MessageCategory,
  messageCategoryLabel,
} from '../../domain/message-categories.js';

export const messageCategory = z.enum(MESSAGE_CATEGORIES, '消息类别不正确');

/** A message as a module hands it to sendMessages (checked there: a bad one is a bug of the caller). */
export const newMessage = z.object({
  userId: z.uuid(),
  category: messageCategory,
  title: z.string().trim().min(1).max(200),
  body: z.string().max(4000),
  /** A path of the web app ('/enterprises/…'), never an outside address. */
  link: z
    .string()
    .max(500)
    .regex(/^\/(?!\/)/, 'link must be a path of the web app')
    .nullable()
    .optional(),
});

const booleanQuery = z
  .enum(['true', 'false'], '应为 true 或 false')
  .transform((v) => v === 'true')
  .optional();

export const listMessagesQuery = z.strictObject({
  unread: booleanQuery,
  category: messageCategory.optional(),
  ...paging,
});
export type ListMessagesQuery = z.output<typeof listMessagesQuery>;

export const messageIdParams = z.strictObject({ id: uuid() });

export const messageResponse = z.object({
  id: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export type MessageView = z.output<typeof messageResponse>;

export const messageListResponse = z.object({
  items: z.array(messageResponse),
  total: z.number(),
  /** The caller's unread messages in all categories (the badge). */
  unread: z.number(),
});
export type MessageList = z.output<typeof messageListResponse>;

export const unreadCountResponse = z.object({ count: z.number() });
export const readAllResponse = z.object({ marked: z.number(), count: z.number() });
