// An upload for import: stored once (imports.file) and its preview job queued, in one transaction.
import type { Tier } from '../../../domain/enterprise-rules.js';
import { type Actor, requireAccess } from '../../../server/access.js';
import type { AppContext } from '../../../server/context.js';
import { enqueue } from '../../../server/queue.js';
import { IMPORT_PREVIEW_JOB } from '../enterprises.jobs.js';
import { type ImportKind, insertImport, setImportJob } from './import.repo.js';
import { checkUpload } from './read-table.js';

export async function startImport(
  ctx: AppContext,
  actor: Actor | null,
  kind: ImportKind,
  file: { buffer: Buffer; fileName: string },
  options: { tier?: Tier } = {},
): Promise<{ id: string }> {
  const who = requireAccess(actor, kind === 'titles' ? 'enterprise.titles' : 'enterprise.import');
  // A file that cannot be read (wrong type, zip bomb) is refused now, not in the job.
  await checkUpload(file.buffer, file.fileName);
  return ctx.db.transaction(async (tx) => {
    const record = await insertImport(tx, { kind, options, fileName: file.fileName, file: file.buffer, createdBy: who.userId });
    const job = await enqueue(tx, IMPORT_PREVIEW_JOB, { importId: record.id }, { actor: who });
    await setImportJob(tx, record.id, { previewJobId: job.id });
    return { id: job.id };
  });
}
