// The evaluation module's jobs: a batch evaluation runs on the queue (src/server/queue.ts), in
// chunks whose checkpoint is the last enterprise done, so that a run whose process was killed
// resumes there in the restarted (or another) process and finishes.
import { z } from 'zod';
import type { Actor } from '../../server/access.js';
import { notFound } from '../../server/errors.js';
import { defineJob } from '../../server/queue.js';
import { markRunFailed, selectRun } from './evaluation.repo.js';
import { executeRun, type RunCheckpoint } from './run-batch-evaluation.js';

export const BATCH_EVALUATION = defineJob({
  kind: 'evaluation.batch',
  label: '批量评价',
  payload: z.object({ runId: z.uuid(), enterpriseId: z.uuid().optional() }),
  concurrency: 2,
  leaseSeconds: 30,
  maxAttempts: 3,
  async run(job) {
    const run = await selectRun(job.ctx.db, job.payload.runId);
    if (!run) throw notFound();
    const actor = (job.actor ?? run.actor) as Actor;
    return executeRun(job.ctx, run, actor, job.payload.enterpriseId, {
      checkpoint: (job.checkpoint as RunCheckpoint | null) ?? null,
      commitChunk: (checkpoint, fn) => job.commitChunk(checkpoint, fn),
      signal: job.signal,
      progress: (done, total) => job.progress('evaluating', done, total),
    });
  },
  onFailed: (tx, { payload, error }) => markRunFailed(tx, (payload as { runId: string }).runId, error),
});
