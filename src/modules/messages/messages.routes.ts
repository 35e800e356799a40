import type { RoutePlugin } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { countUnreadMessages } from './count-unread-messages.js';
import { listMessages } from './list-messages.js';
import { markAllMessagesRead } from './mark-all-messages-read.js';
import { markMessageRead } from './mark-message-read.js';
import { listMessagesQuery, messageIdParams, messageListResponse, readAllResponse, unreadCountResponse } from './messages.schemas.js';

const errors = { 400: errorBody, 401: errorBody, 404: errorBody };
const tags = ['消息中心'];

export const messagesRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/messages',
    {
      schema: {
        tags,
        summary: '本人的消息（最新在前；可按未读、类别筛选）',
        querystring: listMessagesQuery,
        response: { 200: messageListResponse, ...errors },
      },
    },
    (request) => listMessages(ctx, request.actor, request.query),
  );

  app.get(
    '/api/messages/unread-count',
    { schema: { tags, summary: '本人的未读消息数', response: { 200: unreadCountResponse, ...errors } } },
    (request) => countUnreadMessages(ctx, request.actor),
  );

  app.post(
    '/api/messages/read-all',
    { schema: { tags, summary: '本人的消息全部标为已读', response: { 200: readAllResponse, ...errors } } },
    (request) => markAllMessagesRead(ctx, request.actor),
  );

  app.post(
    '/api/messages/:id/read',
    {
      schema: {
        tags,
        summary: '一条本人的消息标为已读（返回剩余未读数）',
        params: messageIdParams,
        response: { 200: unreadCountResponse, ...errors },
      },
    },
    (request) => markMessageRead(ctx, request.actor, request.params.id),
  );
};
