import { z } from 'zod';
import { paging, uuid } from '../../server/validation.js';

/** What a message is about, with the name people read (filter of 消息中心). Add new categories here. */
export const MESSAGE_CATEGORY_LABELS = {
  expert_visit: '专家服务',
  system: '系统通知',
  calendar: '工作日历',
  reminder: '报送提醒',
  job: '任务完成',
} as const;
export type MessageCategory = keyof typeof MESSAGE_CATEGORY_LABELS;
export const MESSAGE_CATEGORIES = Object.keys(MESSAGE_CATEGORY_LABELS) as [MessageCategory, ...MessageCategory[]];
export const isMessageCategory = (code: string): code is MessageCategory => Object.hasOwn(MESSAGE_CATEGORY_LABELS, code);
/** A category's name; a code from an older release shows as 其他, never as the code. */
export const messageCategoryLabel = (code: string): string => (isMessageCategory(code) ? MESSAGE_CATEGORY_LABELS[code] : '其他');

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
