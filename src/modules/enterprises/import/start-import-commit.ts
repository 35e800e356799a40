// Confirms a previewed import: queues its commit job (once: a second click answers the same job).
import { type Actor, requireAccess } from '../../../server/access.js';
import type { AppContext } from '../../../server/context.js';
import { notFound } from '../../../server/errors.js';
import { enqueue } from '../../../server/queue.js';
import { IMPORT_COMMIT_JOB } from '../enterprises.jobs.js';
import { importExpired, importNotPreviewed, importPreviewHasErrors } from './import.errors.js';
import { findImportOfJob, setImportJob } from './import.repo.js';

export async function startImportCommit(ctx: AppContext, actor: Actor | null, previewJobId: string): Promise<{ id: string }> {
  const reader = requireAccess(actor, 'import.read');
  const record = await findImportOfJob(ctx.db, previewJobId);
  // Another officer's import is absent to this one (as on reading it).
  if (!record || record.previewJobId !== previewJobId || (record.createdBy !== reader.userId && reader.role !== 'city_admin'))
    throw notFound();
  const who = requireAccess(actor, record.kind === 'titles' ? 'enterprise.titles' : 'enterprise.import');
  if (record.commitJobId) return { id: record.commitJobId };
  if (record.fileDeletedAt) throw importExpired();
  if (!record.stagedAt) throw importNotPreviewed();
  if ((record.previewErrors ?? 0) > 0) throw importPreviewHasErrors(record.previewErrors ?? 0);
  return ctx.db.transaction(async (tx) => {
    const job = await enqueue(tx, IMPORT_COMMIT_JOB, { importId: record.id }, { actor: who, dedupeKey: `import.commit:${record.id}` });
    await setImportJob(tx, record.id, { commitJobId: job.id });
    return { id: job.id };
  });
}
