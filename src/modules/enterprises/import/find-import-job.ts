// An import job (preview or commit) as the import page reads it: the queue's job with the import's file name.

import type { DbOrTx } from '../../../db/database.js';
import { type Actor, requireAccess } from '../../../server/access.js';
import { notFound } from '../../../server/errors.js';
import { findJobById } from '../../../server/queue.js';
import { IMPORT_COMMIT_JOB, IMPORT_PREVIEW_JOB } from '../enterprises.jobs.js';
import { findImportOfJob } from './import.repo.js';
import type { ImportResult } from './import-enterprises.js';

export interface ImportJobView {
  id: string;
  kind: 'enterprises' | 'titles';
  mode: 'preview' | 'commit';
  status: 'queued' | 'running' | 'done' | 'failed';
  phase: string | null;
  processedRows: number;
  fileName: string;
  result: ImportResult | null;
  error: { code: string; message: string; details?: unknown } | null;
}

/** The actor's own import job (any, for the city administrator); others are 404. */
export async function findImportJob(db: DbOrTx, actor: Actor | null, id: string): Promise<ImportJobView> {
  const who = requireAccess(actor, 'import.read');
  const job = await findJobById(db, id);
  if (!job || (job.kind !== IMPORT_PREVIEW_JOB.kind && job.kind !== IMPORT_COMMIT_JOB.kind)) throw notFound();
  if (job.createdBy !== who.userId && who.role !== 'city_admin') throw notFound();
  const record = await findImportOfJob(db, id);
  const error = job.status === 'failed' ? (job.error as { code: string; message: string; detail?: unknown } | null) : null;
  return {
    id: job.id,
    kind: record?.kind === 'titles' ? 'titles' : 'enterprises',
    mode: job.kind === IMPORT_COMMIT_JOB.kind ? 'commit' : 'preview',
    status: job.status as ImportJobView['status'],
    phase: job.status === 'done' ? 'done' : job.phase,
    processedRows: job.done,
    fileName: record?.fileName ?? '',
    result: job.status === 'done' ? ((job.result as ImportResult | null) ?? null) : null,
    // Details only as the import gives them (its errors); an internal error's text stays in the log.
    error: error
      ? { code: error.code, message: error.message, ...(error.detail && typeof error.detail === 'object' ? { details: error.detail } : {}) }
      : null,
  };
}
