// Import jobs: stored in the database (progress survives a page reload and is visible to any
// process), run in this process in the background. A job whose process stopped is marked failed
// (JOB_INTERRUPTED) as soon as a live instance notices (instance.ts).
import { eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { importJobs } from '../db/schema/index.js';
import type { Actor } from './access.js';
import type { AppContext } from './context.js';
import { AppError, notFound } from './errors.js';
import { orphanedWork } from './instance.js';

// A job without its file: the file (up to 60 MB) is read only where it is needed. As bytea a 15 MB
// file takes PGlite seconds to hand over (and more to take in), on the thread that serves every
// request; as base64 text a tenth of that.
const { file: _file, ...JOB_COLUMNS } = getTableColumns(importJobs);
const JOB_FIELDS = { ...JOB_COLUMNS, hasFile: sql<boolean>`${importJobs.file} is not null` };
export type JobRow = Omit<typeof importJobs.$inferSelect, 'file'> & { hasFile: boolean };

/** The stored file of a job. */
export async function jobFile(db: DbOrTx, id: string): Promise<Buffer> {
  const [row] = await db
    .select({ file: sql<string | null>`encode(${importJobs.file}, 'base64')` })
    .from(importJobs)
    .where(eq(importJobs.id, id));
  return Buffer.from(row?.file ?? '', 'base64');
}
export type JobProgress = (phase: string, processedRows: number) => void;
export type JobRunner = (job: JobRow, actor: Actor, progress: JobProgress) => Promise<unknown>;

export async function createJob(
  ctx: AppContext,
  actor: Actor,
  /** The file, or null when the job works on another job's file (a commit on its preview's). */
  values: { kind: string; mode: string; fileName: string; file: Buffer | null },
): Promise<JobRow> {
  const file: SQL | null = values.file && sql`decode(${values.file.toString('base64')}, 'base64')`;
  const [job] = await ctx.db
    .insert(importJobs)
    .values({
      ...values,
      file,
      createdBy: actor.userId,
      actor: { ...actor, ip: actor.ip ?? null },
      ownerInstance: ctx.instanceId ?? null,
    })
    .returning(JOB_FIELDS);
  return job;
}

/** Runs a job in the background; progress is written at most every 500 ms. */
export function runJob(ctx: AppContext, job: JobRow, runner: JobRunner): void {
  const actor = job.actor as Actor;
  let lastWrite = 0;
  const progress: JobProgress = (phase, processedRows) => {
    const now = Date.now();
    if (now - lastWrite < 500) return;
    lastWrite = now;
    ctx.db
      .update(importJobs)
      .set({ phase, processedRows, updatedAt: new Date() })
      .where(eq(importJobs.id, job.id))
      .catch(() => {});
  };
  setImmediate(async () => {
    await ctx.db.update(importJobs).set({ status: 'running', updatedAt: new Date() }).where(eq(importJobs.id, job.id));
    try {
      const result = await runner(job, actor, progress);
      await ctx.db
        .update(importJobs)
        .set({ status: 'done', phase: 'done', result: result as object, updatedAt: new Date() })
        .where(eq(importJobs.id, job.id));
    } catch (error) {
      if (!(error instanceof AppError)) console.error(`job ${job.id} failed`, error);
      const body =
        error instanceof AppError
          ? { code: error.code, message: error.message, details: error.details }
          : { code: 'INTERNAL_ERROR', message: '导入过程中出现内部错误，未写入任何数据' };
      await ctx.db.update(importJobs).set({ status: 'failed', error: body, updatedAt: new Date() }).where(eq(importJobs.id, job.id));
    }
  });
}

/** A job of the actor's own (or any, for the city administrator); others are 404. */
export async function findJob(db: DbOrTx, actor: Actor, id: string): Promise<JobRow> {
  const [job] = await db.select(JOB_FIELDS).from(importJobs).where(eq(importJobs.id, id)).limit(1);
  if (!job || (job.createdBy !== actor.userId && actor.role !== 'city_admin')) throw notFound();
  return job;
}

export const JOB_INTERRUPTED = { code: 'JOB_INTERRUPTED', message: '服务重启，导入任务中断，未写入任何数据，请重新导入' };

/** Jobs queued or running in an instance that no live process holds (instance.ts): failed at once. */
export async function failInterruptedJobs(db: DbOrTx, instanceId: number): Promise<number> {
  const rows = await db
    .update(importJobs)
    .set({ status: 'failed', error: JOB_INTERRUPTED, updatedAt: new Date() })
    .where(orphanedWork(importJobs.status, importJobs.ownerInstance, instanceId))
    .returning({ id: importJobs.id });
  return rows.length;
}
