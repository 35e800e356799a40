import { z } from 'zod';
import { defineJob } from '../../server/queue.js';
import type { SweepStep } from '../../server/sweeps.js';
import { collectUnusedContents } from './collect-unused-contents.js';
import { sweepFiles } from './sweep-files.js';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** Enqueued with the deletion of an object's files (in its transaction): deletes the bytes no record uses any more. */
export const COLLECT_FILES_JOB = defineJob({
  kind: 'files.collect',
  label: '清理不再使用的附件',
  payload: z.object({ sha256: z.array(sha256).min(1).max(1000) }),
  maxAttempts: 5,
  async run(job) {
    return { deleted: await collectUnusedContents(job.ctx, { only: job.payload.sha256 }) };
  },
});

/** Daily: uploads never attached within 24 hours are removed, then every blob no record uses. */
export const FILES_SWEEP_STEP: SweepStep = { name: 'files', run: (ctx) => sweepFiles(ctx).then(() => {}) };
