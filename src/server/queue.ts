// The job queue: all long or later work (batch evaluation, imports, outbox delivery, sweeps), one
// table (`jobs`, src/db/schema/queue.ts), run by the worker of every process started with
// ZJTX_PROCESS=worker or all.
//
// Why our own queue and not pg-boss: pg-boss 10 runs on PGlite only through an adapter and has no
// lease renewal (a job running longer than its expiry is started a second time while still
// running); the maintained pg-boss 11/12 need Node ≥ 22 (we support 20); it creates a table per
// queue at run time, while our application role on PostgreSQL owns nothing; and it cannot enqueue
// inside a Drizzle transaction (a job must be created with the change that causes it, or not at all).
// So: the smallest leased queue on one table.
//
// - enqueue() inserts in the caller's transaction (a dedupe key makes it insert-once).
// - A worker claims with one UPDATE … WHERE id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED), so two
//   processes never take the same job; each kind runs at most `concurrency` jobs per process.
// - The claim gives a lease (leaseSeconds), renewed by a heartbeat every third of it. A worker whose
//   lease was lost (it stalled, or another process re-queued the job) sees its signal aborted, and
//   its commitChunk refuses to write (guarded by locked_by = me and status = 'running').
// - A running job whose lease expired (its process was killed) is queued again by any live worker,
//   the attempt counted; on PostgreSQL also at once when its instance's advisory lock is free
//   (instance.ts). It resumes from the checkpoint of its last committed chunk.
// - Failures retry with exponential backoff; the last one fails the job with a Chinese message and
//   the error. A payload that no longer parses (an older version) fails at once, without retry.
// - On shutdown: stop claiming, abort the running jobs' signals, wait a little, then hand the jobs
//   still running back (queued, lease cleared, checkpoint kept) so that another process takes them.
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { bulkInsert } from '../db/bulk.js';
import type { DbOrTx } from '../db/database.js';
import { jobs, scheduleSlots } from '../db/schema/index.js';
import type { Actor } from './access.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { orphanedWork } from './instance.js';

export interface JobDefinition<P = unknown> {
  /** Stable id: 'evaluation.batch', 'import.enterprises', 'outbox.deliver'. */
  kind: string;
  /** Chinese, shown to users: '批量评价'. */
  label: string;
  /** Checked at enqueue and at claim (an older payload → failed JOB_PAYLOAD_INVALID, no retry). */
  payload: z.ZodType<P>;
  /** Jobs of this kind running at once in one process; default 1. */
  concurrency?: number;
  /** Default 30; renewed by a heartbeat while the handler runs. */
  leaseSeconds?: number;
  /** Default 3; retries with exponential backoff. */
  maxAttempts?: number;
  /** First retry delay in seconds, doubled on each further attempt; default 5. */
  backoffSeconds?: number;
  /** Resolves to the job's result (JSON), stored on the job. */
  run(job: RunningJob<P>): Promise<unknown>;
  /**
   * Called in the transaction that marks the job failed for good (after its last attempt, a lease
   * lost too often, or a payload that no longer parses): the module marks its own record failed.
   */
  onFailed?(tx: DbOrTx, job: { id: string; payload: unknown; error: JobError }): Promise<void>;
}

export interface RunningJob<P> {
  id: string;
  kind: string;
  payload: P;
  attempt: number;
  /** Who started it (the handler acts with this actor's scope). */
  actor: Actor | null;
  /** What the last committed chunk saved; null on a first start. */
  checkpoint: unknown;
  ctx: AppContext;
  /** Aborted when the lease is lost or the process shuts down: stop after the current chunk (signal.throwIfAborted()). */
  signal: AbortSignal;
  /** Throttled, fire-and-forget. */
  progress(phase: string, done: number, total?: number): void;
  /** fn + checkpoint in ONE transaction; rolls back (JobLeaseLostError) if the lease is no longer ours. */
  commitChunk<T>(checkpoint: unknown, fn: (tx: DbOrTx) => Promise<T>): Promise<T>;
}

export interface JobError {
  code: string;
  message: string;
  detail?: unknown;
}

export interface ScheduleDefinition {
  name: string;
  label: string;
  /** 5-field cron, Asia/Shanghai. */
  cron: string;
  job: JobDefinition<{ slot: string }>;
}

export type JobRow = typeof jobs.$inferSelect;

/** Thrown by commitChunk when the job is no longer this process's: another process has it now. */
export class JobLeaseLostError extends Error {
  constructor(id: string) {
    super(`job ${id}: lease lost`);
    this.name = 'JobLeaseLostError';
  }
}

/** The abort reason of a shutdown: a job stopped by it is handed back, not failed. */
export class JobShutdownError extends Error {
  constructor() {
    super('process shutting down');
    this.name = 'JobShutdownError';
  }
}

export const SCHEDULE_TIME_ZONE = 'Asia/Shanghai';

export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}

export function defineSchedule(def: ScheduleDefinition): ScheduleDefinition {
  // A bad expression fails at start, not at its first slot.
  cronOf(def.cron);
  return def;
}

// Workers of this process, woken when this process enqueues (others find the job at their next poll).
// Wake-ups are coalesced: a thousand enqueues in a loop ask each worker for its kinds twice, not 2,000 times.
const wakers = new Set<(kinds: ReadonlySet<string>) => void>();
const pendingWake = new Map<number, Set<string>>();
function wakeSoon(kind: string): void {
  if (!wakers.size) return;
  // The caller's transaction usually commits within a few milliseconds; the poll catches the rest.
  for (const ms of [5, 60]) {
    const pending = pendingWake.get(ms);
    if (pending) {
      pending.add(kind);
      continue;
    }
    pendingWake.set(ms, new Set([kind]));
    setTimeout(() => {
      const kinds = pendingWake.get(ms) ?? new Set<string>();
      pendingWake.delete(ms);
      for (const w of wakers) w(kinds);
    }, ms).unref();
  }
}

const payloadInvalid = (label: string, detail?: unknown) =>
  new AppError('JOB_PAYLOAD_INVALID', 400, `${label}的任务参数无效（可能来自旧版本），任务未执行，请重新发起`, detail);

function storedActor(actor: Actor | null | undefined): Record<string, unknown> | null {
  return actor ? { ...actor, ip: actor.ip ?? null } : null;
}

export async function enqueue<P>(
  tx: DbOrTx,
  def: JobDefinition<P>,
  payload: P,
  opts: { actor?: Actor | null; runAt?: Date; dedupeKey?: string } = {},
): Promise<{ id: string; created: boolean }> {
  const parsed = def.payload.safeParse(payload);
  if (!parsed.success) throw payloadInvalid(def.label, parsed.error.issues);
  const actor = opts.actor ?? null;
  const [row] = await tx
    .insert(jobs)
    .values({
      kind: def.kind,
      payload: parsed.data as object,
      maxAttempts: def.maxAttempts ?? 3,
      runAt: opts.runAt ?? sql`now()`,
      createdBy: actor?.userId ?? null,
      actor: storedActor(actor),
      requestId: actor?.requestId ?? null,
      dedupeKey: opts.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  wakeSoon(def.kind);
  if (row) return { id: row.id, created: true };
  const [existing] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(eq(jobs.dedupeKey, opts.dedupeKey as string))
    .limit(1);
  return { id: existing.id, created: false };
}

/**
 * Many jobs of one kind in one statement per thousand (a bulk path: an import's rows, a fan-out),
 * in the caller's transaction; each payload is checked as enqueue() checks it. Returns their ids.
 */
export async function enqueueMany<P>(
  tx: DbOrTx,
  def: JobDefinition<P>,
  payloads: P[],
  opts: { actor?: Actor | null } = {},
): Promise<string[]> {
  const actor = opts.actor ?? null;
  const stored = storedActor(actor);
  // The query builder spends ~0.6 ms a row building a multi-row insert of this wide table: unnest instead (db/bulk.ts).
  const rows = payloads.map((payload) => {
    const parsed = def.payload.safeParse(payload);
    if (!parsed.success) throw payloadInvalid(def.label, parsed.error.issues);
    return [randomUUID(), def.kind, parsed.data, def.maxAttempts ?? 3, actor?.userId ?? null, stored, actor?.requestId ?? null];
  });
  await bulkInsert(
    tx,
    'jobs',
    [
      { name: 'id', type: 'uuid' },
      { name: 'kind', type: 'text' },
      { name: 'payload', type: 'jsonb' },
      { name: 'max_attempts', type: 'int4' },
      { name: 'created_by', type: 'uuid' },
      { name: 'actor', type: 'jsonb' },
      { name: 'request_id', type: 'text' },
    ],
    rows,
  );
  wakeSoon(def.kind);
  return rows.map((r) => r[0] as string);
}

/** One job by id (no access check: callers check who may read it). */
export async function findJobById(db: DbOrTx, id: string): Promise<JobRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  return row;
}

export async function queueMetrics(db: DbOrTx): Promise<{
  waiting: Record<string, number>;
  running: number;
  failed: number;
  oldestWaitingSeconds: number;
  scheduleRuns: Record<string, number>;
}> {
  const byStatus = await db
    .select({
      kind: jobs.kind,
      status: jobs.status,
      n: sql<number>`count(*)::int`,
      oldest: sql<number | null>`extract(epoch from now() - min(${jobs.runAt}) filter (where ${jobs.runAt} <= now()))::float8`,
    })
    .from(jobs)
    .where(inArray(jobs.status, ['queued', 'running', 'failed']))
    .groupBy(jobs.kind, jobs.status);
  const waiting: Record<string, number> = {};
  let running = 0;
  let failed = 0;
  let oldestWaitingSeconds = 0;
  for (const r of byStatus) {
    if (r.status === 'queued') {
      waiting[r.kind] = r.n;
      oldestWaitingSeconds = Math.max(oldestWaitingSeconds, Number(r.oldest ?? 0));
    } else if (r.status === 'running') running += r.n;
    else failed += r.n;
  }
  const runs = await db
    .select({ name: scheduleSlots.name, n: sql<number>`count(*)::int` })
    .from(scheduleSlots)
    .where(sql`${scheduleSlots.jobId} is not null`)
    .groupBy(scheduleSlots.name);
  return { waiting, running, failed, oldestWaitingSeconds, scheduleRuns: Object.fromEntries(runs.map((r) => [r.name, r.n])) };
}

/** How long ended jobs are kept: the platform's own (schedules, outbox) briefly, users' for a year. */
export const JOB_RETENTION_DAYS = { system: 7, user: 365 } as const;

/**
 * Deletes ended jobs past their retention (a schedule firing every minute leaves 1,440 a day), and
 * schedule slots older than 30 days except each schedule's latest (which the catch-up at start reads).
 */
export async function deleteEndedJobs(db: DbOrTx, now = new Date()): Promise<{ jobs: number; slots: number }> {
  const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const deleted = await db
    .delete(jobs)
    .where(
      and(
        inArray(jobs.status, ['done', 'failed']),
        or(
          and(sql`${jobs.createdBy} is null`, lt(jobs.updatedAt, days(JOB_RETENTION_DAYS.system))),
          lt(jobs.updatedAt, days(JOB_RETENTION_DAYS.user)),
        ),
      ),
    )
    .returning({ id: jobs.id });
  const slots = await db
    .delete(scheduleSlots)
    .where(
      and(
        lt(scheduleSlots.createdAt, days(30)),
        sql`${scheduleSlots.slot} <> (select max(s.slot) from ${scheduleSlots} s where s.name = ${scheduleSlots.name})`,
      ),
    )
    .returning({ name: scheduleSlots.name });
  return { jobs: deleted.length, slots: slots.length };
}

// ---------------------------------------------------------------------------------------------
// Schedules

const crons = new Map<string, Cron>();
function cronOf(expression: string): Cron {
  let cron = crons.get(expression);
  if (!cron) {
    if (expression.trim().split(/\s+/).length !== 5) throw new Error(`cron 表达式须为 5 段（分 时 日 月 周）：${expression}`);
    cron = new Cron(expression, { timezone: SCHEDULE_TIME_ZONE, paused: true });
    crons.set(expression, cron);
  }
  return cron;
}

/** A slot's name: its time in Asia/Shanghai, ISO 8601 ('2026-12-01T01:00:00+08:00'). */
export function slotName(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** The latest slot of a schedule at or before `now`. */
export function latestSlot(cron: string, now = new Date()): string | null {
  // previousRuns looks strictly before its reference: a slot that is exactly now counts.
  const [at] = cronOf(cron).previousRuns(1, new Date(now.getTime() + 1000));
  return at ? slotName(at) : null;
}

/**
 * Fires the latest slot of a schedule unless it fired already (in any process): the slot's row and
 * its job are inserted in one transaction, and the row's primary key lets only one process do it.
 * A schedule seen for the first time only records its latest slot (nothing was missed before it
 * existed); after that, the latest slot missed while everything was down fires once at start.
 * Returns the job id when this call fired it.
 */
export async function fireSchedule(db: DbOrTx, schedule: ScheduleDefinition, now = new Date()): Promise<string | null> {
  const slot = latestSlot(schedule.cron, now);
  if (!slot) return null;
  return db.transaction(async (tx) => {
    const [seen] = await tx.select({ slot: scheduleSlots.slot }).from(scheduleSlots).where(eq(scheduleSlots.name, schedule.name)).limit(1);
    if (!seen) {
      await tx.insert(scheduleSlots).values({ name: schedule.name, slot, jobId: null }).onConflictDoNothing();
      return null;
    }
    const [inserted] = await tx
      .insert(scheduleSlots)
      .values({ name: schedule.name, slot })
      .onConflictDoNothing()
      .returning({ slot: scheduleSlots.slot });
    if (!inserted) return null;
    const { id } = await enqueue(tx, schedule.job, { slot }, { dedupeKey: `schedule:${schedule.name}:${slot}` });
    await tx
      .update(scheduleSlots)
      .set({ jobId: id })
      .where(and(eq(scheduleSlots.name, schedule.name), eq(scheduleSlots.slot, slot)));
    return id;
  });
}

// ---------------------------------------------------------------------------------------------
// The worker

export interface WorkerOptions {
  /** This process's instance id (instance.ts): the owner recorded on claimed jobs. */
  instanceId: number;
  /** How often to look for work; default 500 ms. */
  pollMs?: number;
  /** How often to check the schedules for a new slot; default 15 s (and at start). */
  scheduleEveryMs?: number;
  /** On stop, how long running jobs get to finish their chunk before they are handed back; default 5 s. */
  shutdownGraceMs?: number;
}

export interface Worker {
  /** Looks for work now. */
  wake(): void;
  /** Stops claiming, aborts the running jobs, and hands back those still running after the grace period. */
  stop(): Promise<void>;
  /** Ids of the jobs running in this worker now. */
  runningIds(): string[];
}

interface Active {
  def: JobDefinition<unknown>;
  controller: AbortController;
  done: Promise<void>;
  /** Set when stop() has handed the job back: the handler's outcome is no longer ours to record. */
  handedBack: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds definitions of every payload type
type AnyJob = JobDefinition<any>;

const MIN_PROGRESS_MS = 500;

export function startWorker(ctx: AppContext, definitions: AnyJob[], schedules: ScheduleDefinition[], options: WorkerOptions): Worker {
  const me = options.instanceId;
  const pollMs = options.pollMs ?? 500;
  const scheduleEveryMs = options.scheduleEveryMs ?? 15_000;
  const graceMs = options.shutdownGraceMs ?? 5_000;
  const db = ctx.db;
  const byKind = new Map<string, AnyJob>(definitions.map((d) => [d.kind, d]));
  for (const s of schedules) if (!byKind.has(s.job.kind)) byKind.set(s.job.kind, s.job);
  const kinds = [...byKind.keys()];
  const active = new Map<string, Active>();
  const runningOf = new Map<string, number>();
  const pumping = new Set<string>();
  const again = new Set<string>();
  let stopping = false;
  let ticking: Promise<void> | null = null;
  let lastSchedules = 0;
  const firedSlots = new Map<string, string>();

  const leaseOf = (def: AnyJob) => def.leaseSeconds ?? 30;
  const ownJob = (id: string) => and(eq(jobs.id, id), eq(jobs.lockedBy, me), eq(jobs.status, 'running'));

  /** Running jobs nobody holds: lease ended, or (PostgreSQL) their instance's lock is free. At start: any instance gone. */
  async function requeueLost(atStart: boolean): Promise<void> {
    const ownerGone = and(eq(jobs.status, 'running'), orphanedWork(jobs.status, jobs.lockedBy, me));
    const lost =
      atStart || ctx.database.kind === 'postgres'
        ? or(and(eq(jobs.status, 'running'), lt(jobs.leaseUntil, sql`now()`)), ownerGone)
        : and(eq(jobs.status, 'running'), lt(jobs.leaseUntil, sql`now()`));
    await db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: jobs.id, kind: jobs.kind, payload: jobs.payload, attempts: jobs.attempts, maxAttempts: jobs.maxAttempts })
        .from(jobs)
        .where(lost)
        .for('update', { skipLocked: true });
      for (const row of rows) {
        if (row.attempts < row.maxAttempts) {
          await tx
            .update(jobs)
            .set({ status: 'queued', lockedBy: null, leaseUntil: null, runAt: sql`now()`, updatedAt: sql`now()` })
            .where(eq(jobs.id, row.id));
        } else {
          const def = byKind.get(row.kind);
          const label = def?.label ?? '后台任务';
          const error: JobError = {
            code: 'JOB_INTERRUPTED',
            message: `${label}已中断 ${row.attempts} 次（处理它的进程停止或失去联系），不再重试，请重新发起`,
          };
          await tx
            .update(jobs)
            .set({ status: 'failed', error, leaseUntil: null, finishedAt: sql`now()`, updatedAt: sql`now()` })
            .where(eq(jobs.id, row.id));
          await def?.onFailed?.(tx, { id: row.id, payload: row.payload, error });
        }
      }
    });
  }

  /** A claimed row as the claim statements return it. */
  const claimedRow = (r: Record<string, unknown>) =>
    ({
      id: r.id,
      kind: r.kind,
      payload: r.payload,
      attempts: r.attempts,
      maxAttempts: r.max_attempts,
      actor: r.actor,
      checkpoint: r.checkpoint,
    }) as JobRow;

  /**
   * Claims up to n queued jobs of a kind. The candidates are a MATERIALIZED CTE: written as
   * `WHERE id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)`, PostgreSQL may run the subquery
   * again for each row it updates, each run skipping the rows just locked — a claim of 4 took 400.
   */
  async function claim(def: AnyJob, n: number): Promise<JobRow[]> {
    const res = await db.execute(sql`with candidates as materialized (
        select id from ${jobs} where status = 'queued' and kind = ${def.kind} and run_at <= now()
        order by run_at limit ${n} for update skip locked)
      update ${jobs} j set status = 'running', attempts = j.attempts + 1, locked_by = ${me},
        lease_until = now() + make_interval(secs => ${leaseOf(def)}), started_at = coalesce(j.started_at, now()), updated_at = now()
      from candidates where j.id = candidates.id and j.status = 'queued'
      returning j.id, j.kind, j.payload, j.attempts, j.max_attempts, j.actor, j.checkpoint`);
    return ((res as unknown as { rows: Record<string, unknown>[] }).rows ?? []).map(claimedRow);
  }

  async function pump(kind: string): Promise<void> {
    if (stopping) return;
    if (pumping.has(kind)) {
      again.add(kind);
      return;
    }
    const def = byKind.get(kind) as AnyJob;
    pumping.add(kind);
    try {
      for (;;) {
        again.delete(kind);
        const free = (def.concurrency ?? 1) - (runningOf.get(kind) ?? 0);
        if (free <= 0 || stopping) break;
        const claimed = await claim(def, free);
        for (const row of claimed) {
          // Stopped while the claim was under way: straight back to the queue.
          if (stopping) await handBack(row.id).catch(() => {});
          else start(def, row);
        }
        if (claimed.length < free && !again.has(kind)) break;
      }
    } finally {
      pumping.delete(kind);
    }
  }

  async function fail(def: AnyJob, id: string, payload: unknown, error: JobError): Promise<void> {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .update(jobs)
        .set({ status: 'failed', error, leaseUntil: null, finishedAt: sql`now()`, updatedAt: sql`now()` })
        .where(ownJob(id))
        .returning({ id: jobs.id });
      if (row) await def.onFailed?.(tx, { id, payload, error });
    });
  }

  /** Back to the queue for another process (or this one, later): lease cleared, checkpoint kept, attempt not counted. */
  async function handBack(id: string): Promise<void> {
    await db
      .update(jobs)
      .set({
        status: 'queued',
        lockedBy: null,
        leaseUntil: null,
        runAt: sql`now()`,
        attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
        updatedAt: sql`now()`,
      })
      .where(ownJob(id));
  }

  /**
   * Marks a job done and, in the same statement, claims the next queued job of its kind (a
   * data-modifying WITH runs whatever the main query reads): one round trip per job instead of two
   * when a queue of small jobs drains. The next one starts here, in the slot this one leaves.
   */
  async function completeAndClaimNext(def: AnyJob, id: string, result: unknown): Promise<void> {
    const claimNext = !stopping && !pumping.has(def.kind);
    const lease = leaseOf(def);
    const done = sql`update ${jobs} set status = 'done', result = ${JSON.stringify(result)}::jsonb, error = null, lease_until = null,
      finished_at = now(), updated_at = now() where id = ${id} and locked_by = ${me} and status = 'running'`;
    if (!claimNext) {
      await db.execute(done);
      return;
    }
    const res = await db.execute(sql`with fin as (${done} returning id),
      next as materialized (select id from ${jobs} where status = 'queued' and kind = ${def.kind} and run_at <= now()
        order by run_at limit 1 for update skip locked)
      update ${jobs} j set status = 'running', attempts = j.attempts + 1, locked_by = ${me},
        lease_until = now() + make_interval(secs => ${lease}), started_at = coalesce(j.started_at, now()), updated_at = now()
      from next where j.id = next.id and j.status = 'queued'
      returning j.id, j.kind, j.payload, j.attempts, j.max_attempts, j.actor, j.checkpoint`);
    const rows = (res as unknown as { rows: Record<string, unknown>[] }).rows ?? [];
    for (const r of rows) {
      if (stopping) {
        await handBack(r.id as string);
        continue;
      }
      start(def, claimedRow(r));
    }
  }

  function start(def: AnyJob, row: JobRow): void {
    runningOf.set(def.kind, (runningOf.get(def.kind) ?? 0) + 1);
    const controller = new AbortController();
    const entry: Active = { def, controller, handedBack: false, done: Promise.resolve() };
    active.set(row.id, entry);
    entry.done = execute(def, row, entry)
      .catch((error) => console.error(`job ${row.id} (${def.kind}): could not record its outcome`, error))
      .finally(() => {
        active.delete(row.id);
        runningOf.set(def.kind, (runningOf.get(def.kind) ?? 1) - 1);
        pump(def.kind).catch(() => {});
      });
  }

  async function execute(def: AnyJob, row: JobRow, entry: Active): Promise<void> {
    const parsed = def.payload.safeParse(row.payload);
    if (!parsed.success) {
      const e = payloadInvalid(def.label, parsed.error.issues);
      await fail(def, row.id, row.payload, { code: e.code, message: e.message, detail: e.details });
      return;
    }
    const { signal } = entry.controller;
    const leaseMs = leaseOf(def) * 1000;
    const heartbeat = setInterval(() => {
      db.update(jobs)
        .set({ leaseUntil: sql`now() + make_interval(secs => ${leaseOf(def)})`, updatedAt: sql`now()` })
        .where(ownJob(row.id))
        .returning({ id: jobs.id })
        .then((rows) => {
          if (!rows.length && !signal.aborted) entry.controller.abort(new JobLeaseLostError(row.id));
        })
        .catch(() => {});
    }, leaseMs / 3);
    heartbeat.unref();
    let lastProgress = 0;
    const job: RunningJob<unknown> = {
      id: row.id,
      kind: row.kind,
      payload: parsed.data,
      attempt: row.attempts,
      actor: (row.actor as Actor | null) ?? null,
      checkpoint: row.checkpoint ?? null,
      ctx,
      signal,
      progress(phase, done, total) {
        const now = Date.now();
        if (now - lastProgress < MIN_PROGRESS_MS) return;
        lastProgress = now;
        db.update(jobs)
          .set({ phase, done, ...(total === undefined ? {} : { total }), updatedAt: sql`now()` })
          .where(ownJob(row.id))
          .catch(() => {});
      },
      async commitChunk(checkpoint, fn) {
        return db.transaction(async (tx) => {
          // First: the row lock also makes a concurrent re-queue wait until this chunk is in.
          const [mine] = await tx
            .update(jobs)
            .set({
              checkpoint: checkpoint as object,
              leaseUntil: sql`now() + make_interval(secs => ${leaseOf(def)})`,
              updatedAt: sql`now()`,
            })
            .where(ownJob(row.id))
            .returning({ id: jobs.id });
          if (!mine) {
            if (!signal.aborted) entry.controller.abort(new JobLeaseLostError(row.id));
            throw new JobLeaseLostError(row.id);
          }
          const out = await fn(tx);
          job.checkpoint = checkpoint;
          return out;
        });
      },
    };
    let outcome: { ok: true; result: unknown } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, result: await def.run(job) };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      clearInterval(heartbeat);
    }
    if (entry.handedBack) return;
    if (outcome.ok) {
      await completeAndClaimNext(def, row.id, outcome.result ?? null);
      return;
    }
    const error = outcome.error;
    if (signal.aborted) {
      // Lease lost: another process has the job. Shutdown: back to the queue for another process.
      if (signal.reason instanceof JobShutdownError) await handBack(row.id);
      return;
    }
    if (error instanceof JobLeaseLostError) return;
    const permanent = error instanceof AppError && error.status < 500;
    if (!permanent && row.attempts < row.maxAttempts) {
      const delay = (def.backoffSeconds ?? 5) * 2 ** (row.attempts - 1);
      await db
        .update(jobs)
        .set({
          status: 'queued',
          lockedBy: null,
          leaseUntil: null,
          runAt: sql`now() + make_interval(secs => ${delay})`,
          error: errorOf(def, error, row.attempts, false),
          updatedAt: sql`now()`,
        })
        .where(ownJob(row.id));
      return;
    }
    if (!(error instanceof AppError)) console.error(`job ${row.id} (${def.kind}) failed`, error);
    await fail(def, row.id, row.payload, errorOf(def, error, row.attempts, true));
  }

  async function tick(): Promise<void> {
    if (stopping) return;
    if (ticking) return ticking;
    ticking = (async () => {
      try {
        await requeueLost(false);
        if (Date.now() - lastSchedules >= scheduleEveryMs) {
          lastSchedules = Date.now();
          for (const s of schedules) {
            const slot = latestSlot(s.cron);
            if (!slot || firedSlots.get(s.name) === slot) continue;
            await fireSchedule(db, s);
            firedSlots.set(s.name, slot);
          }
        }
        await Promise.all(kinds.map((k) => pump(k)));
      } catch (error) {
        if (!stopping) console.error('job queue: poll failed', error);
      }
    })().finally(() => {
      ticking = null;
    });
    return ticking;
  }

  const wake = (only?: ReadonlySet<string>) => {
    if (stopping) return;
    for (const k of kinds) if (!only || only.has(k)) pump(k).catch(() => {});
  };
  wakers.add(wake);
  let timer: NodeJS.Timeout | undefined;
  const started = requeueLost(true)
    .catch((error) => console.error('job queue: start-up sweep failed', error))
    .then(() => {
      if (stopping) return;
      void tick();
      timer = setInterval(() => void tick(), pollMs);
      timer.unref();
    });

  return {
    wake,
    runningIds: () => [...active.keys()],
    async stop() {
      if (stopping) return;
      stopping = true;
      wakers.delete(wake);
      clearInterval(timer);
      await started;
      await ticking?.catch(() => {});
      for (const a of active.values()) a.controller.abort(new JobShutdownError());
      const all = Promise.all([...active.values()].map((a) => a.done));
      const graceOver = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMs).unref());
      if ((await Promise.race([all.then(() => 'done' as const), graceOver])) === 'late') {
        for (const [id, a] of active) {
          a.handedBack = true;
          await handBack(id).catch(() => {});
        }
      }
    },
  };
}

function errorOf(def: AnyJob, error: unknown, attempts: number, final: boolean): JobError {
  const tried = attempts > 1 ? `（已尝试 ${attempts} 次）` : '';
  if (error instanceof AppError) return { code: error.code, message: error.message, detail: error.details };
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    code: 'JOB_FAILED',
    message: final ? `${def.label}失败${tried}：处理过程中出现内部错误，请稍后重新发起或联系管理员` : `${def.label}出错，稍后自动重试`,
    detail,
  };
}
