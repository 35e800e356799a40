// The enterprises module's jobs: an import's preview (the one parse of the file) and its commit.
import { z } from 'zod';
import { defineJob } from '../../server/queue.js';
import { markEnded } from './import/import.repo.js';
import { refreshRegistryStatistics } from './import/import-enterprises.js';
import { runImportCommit } from './import/run-import-commit.js';
import { runImportPreview } from './import/run-import-preview.js';

const importPayload = z.object({ importId: z.uuid() });

export const IMPORT_PREVIEW_JOB = defineJob({
  kind: 'import.preview',
  label: '导入预览',
  payload: importPayload,
  concurrency: 1,
  leaseSeconds: 120,
  maxAttempts: 3,
  run: runImportPreview,
  onFailed: (tx, job) => markEnded(tx, (job.payload as { importId: string }).importId),
});

export const IMPORT_COMMIT_JOB = defineJob({
  kind: 'import.commit',
  label: '确认导入',
  payload: importPayload,
  concurrency: 1,
  // The apply is one transaction: on PGlite the heartbeat waits for it, so the lease must outlast it.
  leaseSeconds: 600,
  maxAttempts: 3,
  run: runImportCommit,
  onFailed: (tx, job) => markEnded(tx, (job.payload as { importId: string }).importId),
});

/** After a large import: fresh statistics of the registry (and on PGlite a vacuum after many updates), queued by the commit. */
export const REGISTRY_STATISTICS_JOB = defineJob({
  kind: 'enterprises.statistics',
  label: '更新企业库统计信息',
  payload: z.object({ vacuum: z.boolean() }),
  concurrency: 1,
  leaseSeconds: 300,
  maxAttempts: 2,
  run: (job) => refreshRegistryStatistics(job.ctx, job.payload),
});

export const ENTERPRISES_JOBS = [IMPORT_PREVIEW_JOB, IMPORT_COMMIT_JOB, REGISTRY_STATISTICS_JOB];
