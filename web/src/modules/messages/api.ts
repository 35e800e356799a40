import type { z } from 'zod';
import type { messageListResponse, readAllResponse, unreadCountResponse } from '../../../../src/modules/messages/messages.schemas';
import { api, query } from '../../shared/api';
import type { Json } from '../../shared/json';

type List = z.output<typeof messageListResponse>;
export type Message = Json<List['items'][number]>;
export type MessageList = Omit<List, 'items'> & { items: Message[] };
export type UnreadCount = z.output<typeof unreadCountResponse>;
export type ReadAll = z.output<typeof readAllResponse>;

export interface MessageFilter {
  unread?: boolean;
  category?: string;
  page: number;
  pageSize: number;
}

/** Every messages query starts with 'messages': marking read refreshes the list and the badge at once. */
export const messageKeys = {
  all: ['messages'] as const,
  unreadCount: ['messages', 'unread-count'] as const,
  list: (filter: MessageFilter) => ['messages', 'list', filter] as const,
};

export const fetchUnreadCount = () => api<UnreadCount>('/api/messages/unread-count');
export const fetchMessages = (f: MessageFilter) =>
  api<MessageList>(
    `/api/messages${query({ unread: f.unread === undefined ? undefined : String(f.unread), category: f.category, page: f.page, pageSize: f.pageSize })}`,
  );
export const markMessageRead = (id: string) => api<UnreadCount>(`/api/messages/${id}/read`, { method: 'POST' });
export const markAllMessagesRead = () => api<ReadAll>('/api/messages/read-all', { method: 'POST' });
