import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cityAdminIds, districtOfficerIds, enterpriseUserIds } from '../../src/modules/auth/find-recipients.js';
import { configureMessageChannels } from '../../src/modules/messages/channels.js';
import { sendMessages } from '../../src/modules/messages/send-messages.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

describe.each(DATABASE_KINDS)('sendMessages and recipients on %s', (kind) => {
  let h: Harness;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness(kind);
    // The demo data tells officers about expert visits: these tests count from an empty message centre.
    await h.owner.query('delete from messages');
    for (const r of await h.database.query<{ id: string; username: string }>('select id, username from users')) ids[r.username] = r.id;
  });
  afterEach(() => configureMessageChannels({ outboxLogFile: undefined, smtpUrl: undefined, smtpFrom: undefined }));
  afterAll(() => h.close());

  it('a change that rolls back leaves no message and no outbox row', async () => {
    configureMessageChannels({ outboxLogFile: '/tmp/zjtx-outbox-never.log', smtpUrl: undefined, smtpFrom: undefined });
    const before = await h.count('select count(*) as n from messages');
    await expect(
      h.database.db.transaction(async (tx) => {
        await sendMessages(tx, [{ userId: ids['yubei.admin'], category: 'system', title: '回滚的消息', body: '不应留下' }]);
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await h.count('select count(*) as n from messages')).toBe(before);
    expect(await h.count("select count(*) as n from outbox o join messages m on m.id = o.message_id where m.title = '回滚的消息'")).toBe(0);
    expect(await h.count('select coalesce(sum(unread), 0) as n from message_unread_counts where user_id = $1', [ids['yubei.admin']])).toBe(
      0,
    );
  });

  it('a committed change leaves its messages, counted unread, and no outbox row when no channel is configured', async () => {
    await h.database.db.transaction((tx) =>
      sendMessages(tx, [
        { userId: ids['rongchang.admin'], category: 'system', title: '通知一', body: '正文', link: '/enterprises' },
        { userId: ids['rongchang.admin'], category: 'reminder', title: '通知二', body: '正文' },
      ]),
    );
    expect(await h.count('select count(*) as n from messages where user_id = $1', [ids['rongchang.admin']])).toBe(2);
    expect(await h.count('select unread as n from message_unread_counts where user_id = $1', [ids['rongchang.admin']])).toBe(2);
    expect(
      await h.count("select count(*) as n from outbox o join messages m on m.id = o.message_id where m.title in ('通知一', '通知二')"),
    ).toBe(0);
  });

  it('queues one outbox row per configured channel the recipient can be reached by', async () => {
    configureMessageChannels({ outboxLogFile: '/tmp/zjtx-outbox-unused.log', smtpUrl: 'smtp://localhost:1', smtpFrom: 'zjtx@example.cn' });
    await h.owner.query("update users set email = 'yubei@example.cn' where username = 'yubei.admin'");
    await h.database.db.transaction((tx) =>
      sendMessages(tx, [
        { userId: ids['yubei.admin'], category: 'system', title: '两个渠道', body: '正文' },
        { userId: ids['rongchang.admin'], category: 'system', title: '一个渠道', body: '正文' },
      ]),
    );
    const rows = await h.database.query<{ title: string; channel: string; address: string; status: string }>(
      "select m.title, o.channel, o.address, o.status from outbox o join messages m on m.id = o.message_id where m.title in ('两个渠道', '一个渠道') order by m.title, o.channel",
    );
    expect(rows).toEqual([
      { title: '一个渠道', channel: 'log', address: 'rongchang.admin', status: 'pending' },
      { title: '两个渠道', channel: 'email', address: 'yubei@example.cn', status: 'pending' },
      { title: '两个渠道', channel: 'log', address: 'yubei.admin', status: 'pending' },
    ]);
  });

  it('refuses a message a module built wrongly, and the change with it', async () => {
    await expect(
      h.database.db.transaction((tx) =>
        sendMessages(tx, [{ userId: ids['yubei.admin'], category: 'nope' as 'system', title: '', body: '' }]),
      ),
    ).rejects.toThrow(/invalid message/);
  });

  it('finds the recipients: an enterprise’s users, a district’s officers, the city administrators (active only)', async () => {
    const [{ enterprise_id }] = await h.database.query<{ enterprise_id: string }>(
      "select enterprise_id from users where username = 'demo.enterprise'",
    );
    expect(await enterpriseUserIds(h.database.db, enterprise_id)).toEqual([ids['demo.enterprise']]);
    expect(await districtOfficerIds(h.database.db, '500153')).toEqual([ids['rongchang.admin']]);
    expect(await districtOfficerIds(h.database.db, '500112')).toEqual([ids['yubei.admin']]);
    expect(await cityAdminIds(h.database.db)).toEqual([ids['city.admin']]);
    await h.owner.query("update users set disabled = true where username = 'yubei.admin'");
    expect(await districtOfficerIds(h.database.db, '500112')).toEqual([]);
    await h.owner.query("update users set disabled = false where username = 'yubei.admin'");
  });
});
