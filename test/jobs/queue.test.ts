// The job queue in one process (several workers, as several processes would have): retries with
// backoff then failure in Chinese, an older payload, schedules that fire once per slot, a missed
// slot at start, leases handed back on stop and taken over after a lease expires.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Instance } from '../../src/server/instance.js';
import { startInstance } from '../../src/server/instance.js';
import {
  defineJob,
  defineSchedule,
  deleteEndedJobs,
  enqueue,
  enqueueMany,
  fireSchedule,
  type JobDefinition,
  latestSlot,
  queueMetrics,
  slotName,
  startWorker,
  type Worker,
} from '../../src/server/queue.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DATABASE_KINDS)('job queue on %s', (kind) => {
  let h: Harness;
  const instances: Instance[] = [];
  const workers: Worker[] = [];

  beforeAll(async () => {
    h = await startHarness(kind);
  }, 120_000);
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
    for (const i of instances.splice(0)) await i.release();
  });
  afterAll(() => h?.close());

  const ctx = () => ({ database: h.database, db: h.database.db, config: h.config });
  // biome-ignore lint/suspicious/noExplicitAny: definitions of any payload
  async function worker(defs: JobDefinition<any>[], schedules: Parameters<typeof startWorker>[2] = [], opts = {}): Promise<Worker> {
    const instance = await startInstance(h.database, []);
    instances.push(instance);
    const w = startWorker(ctx(), defs, schedules, { instanceId: instance.id, pollMs: 50, ...opts });
    workers.push(w);
    return w;
  }
  async function jobRow(id: string) {
    const [row] = await h.database.query<Record<string, unknown>>('select * from jobs where id = $1', [id]);
    return row;
  }
  async function until(id: string, status: string, ms = 20_000) {
    const end = Date.now() + ms;
    for (;;) {
      const row = await jobRow(id);
      if (row?.status === status) return row;
      if (Date.now() > end) throw new Error(`job ${id} is ${row?.status}, not ${status}: ${JSON.stringify(row)}`);
      await sleep(30);
    }
  }

  it('retries a failing job with exponential backoff, then fails it with a Chinese message and the error', async () => {
    const calls: number[] = [];
    const failed: unknown[] = [];
    const flaky = defineJob({
      kind: `test.flaky.${kind}`,
      label: '测试任务',
      payload: z.object({ n: z.number() }),
      maxAttempts: 3,
      backoffSeconds: 0.3,
      async run() {
        calls.push(Date.now());
        throw new Error('boom');
      },
      onFailed: async (_tx, job) => {
        failed.push(job.payload);
      },
    });
    await worker([flaky]);
    const { id, created } = await enqueue(h.database.db, flaky, { n: 7 });
    expect(created).toBe(true);
    const row = await until(id, 'failed');
    expect(calls).toHaveLength(3);
    // 0.3 s, then 0.6 s.
    expect(calls[1] - calls[0]).toBeGreaterThanOrEqual(250);
    expect(calls[2] - calls[1]).toBeGreaterThanOrEqual(550);
    expect(row.attempts).toBe(3);
    expect(row.error).toMatchObject({ code: 'JOB_FAILED', detail: 'Error: boom' });
    expect((row.error as { message: string }).message).toBe(
      '测试任务失败（已尝试 3 次）：处理过程中出现内部错误，请稍后重新发起或联系管理员',
    );
    expect(failed).toEqual([{ n: 7 }]);
    expect((await queueMetrics(h.database.db)).failed).toBeGreaterThanOrEqual(1);
  });

  it('fails a job whose stored payload no longer parses at once, without running or retrying it', async () => {
    let ran = 0;
    const ended: string[] = [];
    const v2 = defineJob({
      kind: `test.v2.${kind}`,
      label: '测试导出',
      payload: z.object({ items: z.array(z.string()) }),
      async run() {
        ran++;
      },
      onFailed: async (_tx, job) => {
        ended.push(job.id);
      },
    });
    // As version 1 wrote it.
    const [{ id }] = await h.database.query<{ id: string }>(`insert into jobs (kind, payload) values ($1, '{"count": 3}') returning id`, [
      v2.kind,
    ]);
    await worker([v2]);
    const row = await until(id, 'failed');
    expect(ran).toBe(0);
    expect(row.attempts).toBe(1);
    expect(row.error).toMatchObject({ code: 'JOB_PAYLOAD_INVALID' });
    expect((row.error as { message: string }).message).toBe('测试导出的任务参数无效（可能来自旧版本），任务未执行，请重新发起');
    expect(ended).toEqual([id]);
    // And at enqueue: refused with the same code, nothing written.
    await expect(enqueue(h.database.db, v2, { count: 3 } as never)).rejects.toMatchObject({ code: 'JOB_PAYLOAD_INVALID', status: 400 });
    expect(await h.count('select count(*) as n from jobs where kind = $1', [v2.kind])).toBe(1);
  });

  it('wakes the worker of this process when this process enqueues, without waiting for the next poll', async () => {
    const ran: number[] = [];
    const quick = defineJob({
      kind: `test.wake.${kind}`,
      label: '测试',
      payload: z.object({ n: z.number() }),
      concurrency: 4,
      async run(job) {
        ran.push(job.payload.n);
      },
    });
    await worker([quick], [], { pollMs: 600_000 });
    await sleep(500); // past its first look at start
    const enqueuedAt = Date.now();
    await h.database.db.transaction(async (tx) => {
      for (let n = 0; n < 50; n++) await enqueue(tx, quick, { n });
    });
    while (ran.length < 50 && Date.now() - enqueuedAt < 10_000) await sleep(10);
    expect(ran.sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
  });

  it('enqueues many in one go, all or none, with the actor of each', async () => {
    const seen: string[] = [];
    const many = defineJob({
      kind: `test.many.${kind}`,
      label: '测试批量',
      payload: z.object({ n: z.number() }),
      concurrency: 3,
      async run(job) {
        seen.push(`${job.payload.n}:${job.actor?.username}`);
      },
    });
    const [{ id: userId }] = await h.database.query<{ id: string }>("select id from users where username = 'city.admin'");
    const actor = {
      userId,
      username: 'city.admin',
      displayName: '市经信委',
      role: 'city_admin' as const,
      districtCode: null,
      enterpriseId: null,
      organization: null,
      requestId: 'req-1',
    };
    await expect(h.database.db.transaction((tx) => enqueueMany(tx, many, [{ n: 1 }, { n: 'x' } as never]))).rejects.toMatchObject({
      code: 'JOB_PAYLOAD_INVALID',
    });
    expect(await h.count('select count(*) as n from jobs where kind = $1', [many.kind])).toBe(0);
    const ids = await h.database.db.transaction((tx) => enqueueMany(tx, many, [{ n: 1 }, { n: 2 }, { n: 3 }], { actor }));
    expect(ids).toHaveLength(3);
    await worker([many]);
    for (const id of ids) await until(id, 'done');
    expect(seen.sort()).toEqual(['1:city.admin', '2:city.admin', '3:city.admin']);
    expect(
      await h.count('select count(*) as n from jobs where kind = $1 and created_by = $2 and request_id = $3', [many.kind, userId, 'req-1']),
    ).toBe(3);
  });

  it("deletes ended jobs past their retention (the platform's after 7 days, users' after a year) and old slots but each schedule's latest", async () => {
    const kind = 'retention.test';
    await h.database.query(`delete from schedule_slots where name like 'retention.%'`);
    const insert = (status: string, days: number, createdBy: string | null) =>
      h.database
        .query<{ id: string }>(
          `insert into jobs (kind, payload, status, created_by, updated_at) values ($1, '{}', $2, $3, now() - ($4 || ' days')::interval) returning id`,
          [kind, status, createdBy, String(days)],
        )
        .then((r) => r[0].id);
    const [user] = await h.database.query<{ id: string }>(`select id from users order by username limit 1`);
    const kept = [await insert('done', 6, null), await insert('queued', 30, null), await insert('failed', 300, user.id)];
    const gone = [await insert('done', 8, null), await insert('failed', 8, null), await insert('done', 400, user.id)];
    for (const [slot, days] of [
      ['2026-01-01T01:00:00+08:00', 60],
      ['2026-01-02T01:00:00+08:00', 45],
      ['2026-01-03T01:00:00+08:00', 40],
    ] as const) {
      await h.database.query(
        `insert into schedule_slots (name, slot, created_at) values ('retention.s', $1, now() - ($2 || ' days')::interval)`,
        [slot, String(days)],
      );
    }
    await deleteEndedJobs(h.database.db);
    const left = (await h.database.query<{ id: string }>(`select id from jobs where kind = $1`, [kind])).map((r) => r.id);
    expect(left.sort()).toEqual([...kept].sort());
    for (const id of gone) expect(left).not.toContain(id);
    const slots = await h.database.query<{ slot: string }>(`select slot from schedule_slots where name = 'retention.s'`);
    expect(slots.map((r) => r.slot)).toEqual(['2026-01-03T01:00:00+08:00']);
  });

  it('inserts a job once per dedupe key', async () => {
    const once = defineJob({ kind: `test.once.${kind}`, label: '测试', payload: z.object({}), async run() {} });
    const a = await enqueue(h.database.db, once, {}, { dedupeKey: `k-${kind}` });
    const b = await enqueue(h.database.db, once, {}, { dedupeKey: `k-${kind}` });
    expect(b).toEqual({ id: a.id, created: false });
    expect(await h.count('select count(*) as n from jobs where kind = $1', [once.kind])).toBe(1);
  });

  it('runs a slot that fires twice (two processes at the same moment) once', async () => {
    const slots: string[] = [];
    const job = defineJob({
      kind: `test.minutely.${kind}`,
      label: '测试定时任务',
      payload: z.object({ slot: z.string() }),
      async run(j) {
        slots.push(j.payload.slot);
      },
    });
    const schedule = defineSchedule({ name: `test.minutely.${kind}`, label: '测试定时任务', cron: '*/5 * * * *', job });
    const now = new Date();
    // Seen before: a slot an hour ago fired.
    await h.database.query('insert into schedule_slots (name, slot) values ($1, $2)', [
      schedule.name,
      slotName(new Date(now.getTime() - 3_600_000)),
    ]);
    const fired = await Promise.all([fireSchedule(h.database.db, schedule, now), fireSchedule(h.database.db, schedule, now)]);
    expect(fired.filter(Boolean)).toHaveLength(1);
    // Two workers (two processes) that see the slot too.
    await Promise.all([worker([], [schedule]), worker([], [schedule])]);
    const id = fired.find(Boolean) as string;
    await until(id, 'done');
    await sleep(300);
    expect(slots).toEqual([latestSlot(schedule.cron, now)]);
    expect(await h.count('select count(*) as n from jobs where kind = $1', [job.kind])).toBe(1);
    expect((await queueMetrics(h.database.db)).scheduleRuns[schedule.name]).toBe(1);
  });

  it('runs the latest slot missed while everything was down once at start, and none before the schedule existed', async () => {
    const slots: string[] = [];
    const job = defineJob({
      kind: `test.daily.${kind}`,
      label: '测试每日巡检',
      payload: z.object({ slot: z.string() }),
      async run(j) {
        slots.push(j.payload.slot);
      },
    });
    const daily = defineSchedule({ name: `test.daily.${kind}`, label: '测试每日巡检', cron: '0 1 * * *', job });
    const fresh = defineSchedule({ name: `test.fresh.${kind}`, label: '测试新定时任务', cron: '0 1 * * *', job });
    // Down for three days: the last slot that ran was three days ago.
    await h.database.query('insert into schedule_slots (name, slot, job_id) values ($1, $2, gen_random_uuid())', [
      daily.name,
      slotName(new Date(Date.now() - 3 * 86_400_000)),
    ]);
    await worker([], [daily, fresh]);
    for (let i = 0; i < 200 && slots.length < 1; i++) await sleep(50);
    await sleep(300);
    expect(slots).toEqual([latestSlot('0 1 * * *')]);
    expect(slots[0]).toMatch(/T01:00:00\+08:00$/);
    // A second start (another process) does not run it again.
    await worker([], [daily, fresh]);
    await sleep(500);
    expect(slots).toHaveLength(1);
    // The new schedule only noted its latest slot.
    expect(await h.count('select count(*) as n from schedule_slots where name = $1 and job_id is null', [fresh.name])).toBe(1);
  });

  it('hands a running job back on stop: another worker resumes it from the checkpoint of its last chunk', async () => {
    const chunksDone: number[] = [];
    const chunked = defineJob({
      kind: `test.chunked.${kind}`,
      label: '测试分段任务',
      payload: z.object({ chunks: z.number() }),
      leaseSeconds: 5,
      async run(job) {
        let next = ((job.checkpoint as { next?: number } | null)?.next ?? 0) as number;
        while (next < job.payload.chunks) {
          job.signal.throwIfAborted();
          await sleep(100);
          const n = next;
          await job.commitChunk({ next: n + 1 }, async () => {
            chunksDone.push(n);
          });
          next = n + 1;
        }
        return { chunks: next };
      },
    });
    const first = await worker([chunked], [], { shutdownGraceMs: 2000 });
    const { id } = await enqueue(h.database.db, chunked, { chunks: 20 });
    while (chunksDone.length < 3) await sleep(20);
    await first.stop();
    const handedBack = await jobRow(id);
    expect(handedBack).toMatchObject({ status: 'queued', locked_by: null, lease_until: null, attempts: 0 });
    const at = (handedBack.checkpoint as { next: number }).next;
    expect(at).toBeGreaterThanOrEqual(3);
    await worker([chunked]);
    const done = await until(id, 'done');
    expect(done.result).toEqual({ chunks: 20 });
    // Every chunk exactly once, in order.
    expect(chunksDone).toEqual([...Array(20).keys()]);
  });

  it('takes over a job whose lease expired (its process stalled): the stalled worker can no longer commit', async () => {
    let stalledCommit: Promise<unknown> | null = null;
    let release: () => void = () => {};
    const runs: number[] = [];
    const stall = defineJob({
      kind: `test.stall.${kind}`,
      label: '测试',
      payload: z.object({}),
      leaseSeconds: 1,
      async run(job) {
        runs.push(job.attempt);
        if (job.attempt === 1) {
          // Stalls with no heartbeat getting through (as a frozen process): the lease is made to lapse.
          await h.database.query("update jobs set lease_until = now() - interval '1 second' where id = $1", [job.id]);
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          stalledCommit = job.commitChunk({ late: true }, async () => 'written');
          await stalledCommit.catch(() => {});
          return 'stale';
        }
        return 'fresh';
      },
    });
    // Two processes: the one that stalls keeps its slot busy, the other takes the job over.
    await worker([stall]);
    await worker([stall]);
    const { id } = await enqueue(h.database.db, stall, {});
    const done = await until(id, 'done');
    expect(done.result).toBe('fresh');
    release();
    while (!stalledCommit) await sleep(10);
    await expect(stalledCommit).rejects.toMatchObject({ name: 'JobLeaseLostError' });
    await sleep(200);
    expect((await jobRow(id)).result).toBe('fresh');
    expect(runs).toEqual([1, 2]);
  });
});
