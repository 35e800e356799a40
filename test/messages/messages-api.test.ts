import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendMessages } from '../../src/modules/messages/send-messages.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

describe.each(DATABASE_KINDS)('message centre API on %s', (kind) => {
  let h: Harness;
  let yubei: string;
  let rongchang: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness(kind);
    // The demo data tells officers about expert visits: these tests count from an empty message centre.
    await h.owner.query('delete from messages');
    for (const r of await h.database.query<{ id: string; username: string }>('select id, username from users')) ids[r.username] = r.id;
    yubei = await h.login('yubei.admin');
    rongchang = await h.login('rongchang.admin');
    // One after the other, so that "newest first" has an order to show.
    const messages = [
      { userId: ids['yubei.admin'], category: 'system', title: '渝北一', body: '第一条', link: '/enterprises' },
      { userId: ids['yubei.admin'], category: 'reminder', title: '渝北二', body: '第二条' },
      { userId: ids['rongchang.admin'], category: 'system', title: '荣昌一', body: '别人的' },
      { userId: ids['yubei.admin'], category: 'system', title: '渝北三', body: '第三条' },
    ] as const;
    for (const m of messages) {
      await h.database.db.transaction((tx) => sendMessages(tx, [m]));
      await new Promise((r) => setTimeout(r, 5));
    }
  });
  afterAll(() => h.close());

  const get = (cookie: string | undefined, url: string) => h.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const post = (cookie: string | undefined, url: string) => h.app.inject({ method: 'POST', url, headers: cookie ? { cookie } : {} });

  it('lists only the caller’s own messages, newest first, with category names', async () => {
    const r = await get(yubei, '/api/messages');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.total).toBe(3);
    expect(body.unread).toBe(3);
    expect(body.items.map((m: { title: string }) => m.title)).toEqual(['渝北三', '渝北二', '渝北一']);
    expect(body.items[2]).toMatchObject({ category: 'system', categoryLabel: '系统通知', link: '/enterprises', readAt: null });
    expect(JSON.stringify(body)).not.toContain('荣昌一');
  });

  it('filters by category and read state, and pages', async () => {
    const reminders = (await get(yubei, '/api/messages?category=reminder')).json();
    expect(reminders.items.map((m: { title: string }) => m.title)).toEqual(['渝北二']);
    const page2 = (await get(yubei, '/api/messages?pageSize=2&page=2')).json();
    expect(page2.items.map((m: { title: string }) => m.title)).toEqual(['渝北一']);
    expect(page2.total).toBe(3);
  });

  it('counts unread, marks one read (idempotent), and the unread filter follows', async () => {
    expect((await get(yubei, '/api/messages/unread-count')).json()).toEqual({ count: 3 });
    const [first] = (await get(yubei, '/api/messages?unread=true')).json().items;
    const read = await post(yubei, `/api/messages/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ count: 2 });
    expect((await post(yubei, `/api/messages/${first.id}/read`)).json()).toEqual({ count: 2 });
    const unread = (await get(yubei, '/api/messages?unread=true')).json();
    expect(unread.items.map((m: { id: string }) => m.id)).not.toContain(first.id);
    expect(unread.total).toBe(2);
    const readOnes = (await get(yubei, '/api/messages?unread=false')).json();
    expect(readOnes.items.map((m: { id: string }) => m.id)).toEqual([first.id]);
    expect(readOnes.items[0].readAt).not.toBeNull();
    expect((await get(yubei, '/api/messages/unread-count')).json()).toEqual({ count: 2 });
  });

  it('another user’s message is 404 with the words of an absent one, and stays unread', async () => {
    const [theirs] = (await get(rongchang, '/api/messages')).json().items;
    const r = await post(yubei, `/api/messages/${theirs.id}/read`);
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ code: 'NOT_FOUND', message: '记录不存在或无权查看' });
    const absent = await post(yubei, '/api/messages/00000000-0000-4000-8000-000000000000/read');
    expect(absent.statusCode).toBe(404);
    expect(absent.json().message).toBe(r.json().message);
    expect((await get(rongchang, '/api/messages/unread-count')).json()).toEqual({ count: 1 });
  });

  it('marks all read for the caller only', async () => {
    const r = await post(yubei, '/api/messages/read-all');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ marked: 2, count: 0 });
    expect((await get(yubei, '/api/messages/unread-count')).json()).toEqual({ count: 0 });
    expect((await get(rongchang, '/api/messages/unread-count')).json()).toEqual({ count: 1 });
  });

  it('refuses bad input with a Chinese message and a code, and strangers with 401', async () => {
    const badId = await post(yubei, '/api/messages/not-a-uuid/read');
    expect(badId.statusCode).toBe(400);
    const badCategory = await get(yubei, '/api/messages?category=spam');
    expect(badCategory.statusCode).toBe(400);
    expect(badCategory.json().message).toMatch(/消息类别不正确/);
    const badUnread = await get(yubei, '/api/messages?unread=yes');
    expect(badUnread.statusCode).toBe(400);
    for (const [method, url] of [
      ['GET', '/api/messages'],
      ['GET', '/api/messages/unread-count'],
      ['POST', '/api/messages/read-all'],
      ['POST', '/api/messages/00000000-0000-4000-8000-000000000000/read'],
    ] as const) {
      const r = await h.app.inject({ method, url });
      expect(r.statusCode, url).toBe(401);
      expect(r.json().code).toBe('AUTH_REQUIRED');
    }
  });
});
