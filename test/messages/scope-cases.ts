import { sendMessages } from '../../src/modules/messages/send-messages.js';
import { defineScopeCases } from '../support/scope-cases.js';

export default defineScopeCases({
  module: 'messages',
  unscoped: {
    'GET /api/messages/unread-count': 'the number of the caller’s own unread messages (the query is by the caller’s id)',
    'POST /api/messages/read-all': 'marks only the caller’s own messages read (the query is by the caller’s id)',
  },
  // A message belongs to one user: another user neither sees it in the list nor can mark it read.
  cases: async (f) => {
    const [owner] = await f.query<{ id: string }>("select id from users where username = 'rongchang.admin'");
    const title = `荣昌区经信委的消息 ${Date.now()}`;
    await f.h.database.db.transaction((tx) => sendMessages(tx, [{ userId: owner.id, category: 'system', title, body: '仅本人可见' }]));
    const [message] = await f.query<{ id: string }>('select id from messages where title = $1', [title]);
    const readAt = `select coalesce(read_at::text, 'unread') as v from messages where id = '${message.id}'`;
    return [
      {
        method: 'GET',
        url: '/api/messages',
        actor: 'yubei.admin',
        expect: 'hidden',
        hidden: [message.id, title],
        control: 'rongchang.admin',
      },
      {
        method: 'GET',
        url: '/api/messages',
        actor: 'demo.enterprise',
        expect: 'hidden',
        hidden: [message.id, title],
        control: 'rongchang.admin',
      },
      { method: 'POST', url: `/api/messages/${message.id}/read`, actor: 'yubei.admin', expect: 404, unchanged: readAt },
      { method: 'POST', url: `/api/messages/${message.id}/read`, actor: 'city.admin', expect: 404, unchanged: readAt },
    ];
  },
});
