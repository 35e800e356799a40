import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ChannelSettings, configureMessageChannels } from '../../src/modules/messages/channels.js';
import { closeOutboxChannels, deliverOutbox, OUTBOX_MAX_ATTEMPTS } from '../../src/modules/messages/deliver-outbox.js';
import { OUTBOX_DELIVER_JOB, OUTBOX_PRUNE_STEP } from '../../src/modules/messages/messages.jobs.js';
import { outboxMetrics } from '../../src/modules/messages/outbox-metrics.js';
import { sendMessages } from '../../src/modules/messages/send-messages.js';
import type { AppContext } from '../../src/server/context.js';
import { startInstance } from '../../src/server/instance.js';
import { startWorker } from '../../src/server/queue.js';
import { DAILY_SWEEP_STEPS } from '../../src/server/sweeps.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

interface Mail {
  to: string[];
  raw: string;
  user?: string;
}

/** A real SMTP server in the test process; `refuse` answers 451 to that many messages first. */
async function startSmtp() {
  const mails: Mail[] = [];
  const state = { refuse: 0 };
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'zjtx' && auth.password === 'smtp-secret') cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.refuse > 0) {
          state.refuse--;
          const error = new Error('Mailbox busy, try later') as Error & { responseCode: number };
          error.responseCode = 451;
          cb(error);
          return;
        }
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: session.user as string | undefined,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { mails, state, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const noChannels: ChannelSettings = { outboxLogFile: undefined, smtpUrl: undefined, smtpFrom: undefined };

describe.each(DATABASE_KINDS)('outbox delivery on %s', (kind) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let dir: string;
  let logFile: string;
  const ids: Record<string, string> = {};
  const contexts: AppContext[] = [];

  /** A process's context with these channels configured (the harness app itself has none). */
  function ctxWith(channels: ChannelSettings): AppContext {
    const ctx = { database: h.database, db: h.database.db, config: { ...h.config, ...noChannels, ...channels } };
    contexts.push(ctx);
    return ctx;
  }

  async function send(title: string, username = 'rongchang.admin') {
    await h.database.db.transaction((tx) =>
      sendMessages(tx, [{ userId: ids[username], category: 'system', title, body: `${title}的正文`, link: '/messages' }]),
    );
    const rows = await h.database.query<{ id: string }>(
      'select o.id from outbox o join messages m on m.id = o.message_id where m.title = $1 order by o.channel',
      [title],
    );
    return rows.map((r) => r.id);
  }

  const row = async (id: string) =>
    (
      await h.database.query<{
        status: string;
        attempts: number;
        delivered_at: Date | null;
        last_error: string | null;
        next_attempt_at: Date;
      }>('select status, attempts, delivered_at, last_error, next_attempt_at from outbox where id = $1', [id])
    )[0];

  beforeAll(async () => {
    // A web process: the jobs in this file run only in the workers the tests start.
    h = await startHarness(kind, { process: 'web' });
    for (const r of await h.database.query<{ id: string; username: string }>('select id, username from users')) ids[r.username] = r.id;
    await h.owner.query("update users set email = 'rongchang@example.cn' where username = 'rongchang.admin'");
    smtp = await startSmtp();
    dir = mkdtempSync(path.join(tmpdir(), 'zjtx-outbox-'));
    logFile = path.join(dir, 'logs', 'outbox.jsonl');
  });
  afterEach(async () => {
    configureMessageChannels(noChannels);
    for (const ctx of contexts.splice(0)) await closeOutboxChannels(ctx);
    // Each test starts with nothing due.
    await h.owner.query("update outbox set status = 'failed' where status = 'pending'");
  });
  afterAll(async () => {
    await smtp.close();
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the log-file channel appends one JSON line per delivery, and the delivery is recorded on the row', async () => {
    configureMessageChannels({ outboxLogFile: logFile });
    const [id] = await send('日志渠道的消息');
    const result = await deliverOutbox(ctxWith({ outboxLogFile: logFile }));
    expect(result).toMatchObject({ claimed: 1, delivered: 1, retrying: 0, failed: 0 });
    const lines = readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      outboxId: id,
      address: 'rongchang.admin',
      title: '日志渠道的消息',
      body: '日志渠道的消息的正文',
      categoryLabel: '系统通知',
      link: '/messages',
      attempt: 1,
    });
    const r = await row(id);
    expect(r).toMatchObject({ status: 'delivered', attempts: 1, last_error: null });
    expect(r.delivered_at).not.toBeNull();
    // Delivered once: a second run finds nothing.
    expect((await deliverOutbox(ctxWith({ outboxLogFile: logFile }))).claimed).toBe(0);
  });

  it('a process without the channel leaves its rows to one that has it', async () => {
    configureMessageChannels({ outboxLogFile: logFile });
    const [id] = await send('留给有渠道的进程');
    expect((await deliverOutbox(ctxWith({}))).claimed).toBe(0);
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('sends e-mail through SMTP (with the URL’s login) to users with an address, and no e-mail to those without', async () => {
    const smtpUrl = `smtp://zjtx:smtp-secret@127.0.0.1:${smtp.port}`;
    configureMessageChannels({ smtpUrl, smtpFrom: 'zjtx@example.cn' });
    const [id] = await send('邮件渠道的消息');
    expect(await send('没有邮箱的用户', 'yubei.admin')).toEqual([]);
    const before = smtp.mails.length;
    const result = await deliverOutbox(ctxWith({ smtpUrl, smtpFrom: 'zjtx@example.cn' }));
    expect(result).toMatchObject({ claimed: 1, delivered: 1 });
    expect(smtp.mails).toHaveLength(before + 1);
    const mail = smtp.mails.at(-1) as Mail;
    expect(mail.to).toEqual(['rongchang@example.cn']);
    expect(mail.user).toBe('zjtx');
    expect(mail.raw.toLowerCase()).toContain(`x-zjtx-outbox-id: ${id}`);
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(await row(id)).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('a refused delivery is retried after its backoff, then delivered (at least once)', async () => {
    const smtpUrl = `smtp://127.0.0.1:${smtp.port}`;
    configureMessageChannels({ smtpUrl, smtpFrom: 'zjtx@example.cn' });
    const [id] = await send('先失败后成功');
    smtp.state.refuse = 1;
    const now = new Date();
    const first = await deliverOutbox(ctxWith({ smtpUrl, smtpFrom: 'zjtx@example.cn' }), { now });
    expect(first).toMatchObject({ claimed: 1, delivered: 0, retrying: 1 });
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed.last_error).toMatch(/^消息经电子邮件发送失败：451/);
    expect(new Date(failed.next_attempt_at).getTime()).toBe(now.getTime() + 30_000);
    // Not due before its backoff ends…
    const ctx = ctxWith({ smtpUrl, smtpFrom: 'zjtx@example.cn' });
    expect((await deliverOutbox(ctx, { now: new Date(now.getTime() + 10_000) })).claimed).toBe(0);
    // …then delivered.
    const before = smtp.mails.length;
    expect(await deliverOutbox(ctx, { now: new Date(now.getTime() + 31_000) })).toMatchObject({ claimed: 1, delivered: 1 });
    expect(smtp.mails).toHaveLength(before + 1);
    expect(await row(id)).toMatchObject({ status: 'delivered', attempts: 2, last_error: null });
  });

  it('a deliverer that died holding a row: the row is due again when its claim ends', async () => {
    configureMessageChannels({ outboxLogFile: logFile });
    const [id] = await send('进程中断后重发');
    const now = new Date();
    // What a claim leaves behind (attempt counted, held for the claim's length) when the process dies before recording.
    await h.owner.query("update outbox set attempts = 1, next_attempt_at = $2::timestamptz + interval '120 seconds' where id = $1", [
      id,
      now.toISOString(),
    ]);
    const ctx = ctxWith({ outboxLogFile: logFile });
    expect((await deliverOutbox(ctx, { now: new Date(now.getTime() + 60_000) })).claimed).toBe(0);
    expect(await deliverOutbox(ctx, { now: new Date(now.getTime() + 121_000) })).toMatchObject({ claimed: 1, delivered: 1 });
    expect(await row(id)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('a delivery that keeps failing ends as failed with its error, and the backlog counts it', async () => {
    // A directory where the file should be: every append fails.
    const broken = dir;
    configureMessageChannels({ outboxLogFile: broken });
    const [id] = await send('一直失败');
    await h.owner.query('update outbox set attempts = $2 where id = $1', [id, OUTBOX_MAX_ATTEMPTS - 1]);
    const before = await outboxMetrics(h.database.db);
    const result = await deliverOutbox(ctxWith({ outboxLogFile: broken }));
    expect(result).toMatchObject({ claimed: 1, failed: 1 });
    const r = await row(id);
    expect(r).toMatchObject({ status: 'failed', attempts: OUTBOX_MAX_ATTEMPTS });
    expect(r.last_error).toMatch(/^消息经日志文件发送失败：EISDIR/);
    const after = await outboxMetrics(h.database.db);
    expect(after.failed).toBe(before.failed + 1);
  });

  it('the daily sweep deletes deliveries recorded more than 30 days ago, and keeps the messages', async () => {
    expect(DAILY_SWEEP_STEPS).toContain(OUTBOX_PRUNE_STEP);
    configureMessageChannels({ outboxLogFile: logFile });
    const [old] = await send('三十一天前送达');
    const [recent] = await send('二十九天前送达');
    await h.owner.query("update outbox set status = 'delivered', delivered_at = now() - interval '31 days' where id = $1", [old]);
    await h.owner.query("update outbox set status = 'delivered', delivered_at = now() - interval '29 days' where id = $1", [recent]);
    await OUTBOX_PRUNE_STEP.run(ctxWith({}));
    expect(await row(old)).toBeUndefined();
    expect(await row(recent)).toMatchObject({ status: 'delivered' });
    expect(await h.count("select count(*) as n from messages where title = '三十一天前送达'")).toBe(1);
  });

  it('the queue’s outbox.deliver job delivers right after a send', async () => {
    configureMessageChannels({ outboxLogFile: logFile });
    const ctx = ctxWith({ outboxLogFile: logFile });
    const instance = await startInstance(h.database, []);
    const worker = startWorker(ctx, [OUTBOX_DELIVER_JOB], [], { instanceId: instance.id, pollMs: 100 });
    try {
      const [id] = await send('经任务队列发送');
      const deadline = Date.now() + 15_000;
      while ((await row(id)).status !== 'delivered' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect((await row(id)).status).toBe('delivered');
      expect(readFileSync(logFile, 'utf8')).toContain(id);
      // Delivered by a run that a send enqueued (this one's, or an earlier test's whose window had ended);
      // the run marks itself done just after its delivery commits, so wait for that too.
      await expect
        .poll(
          () =>
            h.count("select count(*) as n from jobs where kind = 'outbox.deliver' and status = 'done' and payload->>'slot' like 'send:%'"),
          { timeout: 15_000 },
        )
        .toBeGreaterThan(0);
    } finally {
      await worker.stop();
      await instance.release();
    }
  });
});
