// The preview job: the one parse of the uploaded file. Its rows are staged (import_rows) for the
// commit, then compared with the registry; the result is the job's.
import type { Tier } from '../../../domain/enterprise-rules.js';
import type { RunningJob } from '../../../server/queue.js';
import { importExpired } from './import.errors.js';
import { findImport, importFile, markEnded, markStaged, stageRows } from './import.repo.js';
import { applyEnterpriseRows, type ImportResult, parseEnterpriseFile } from './import-enterprises.js';
import { applyTitleRows, parseTitleFile } from './import-titles.js';

export async function runImportPreview(job: RunningJob<{ importId: string }>): Promise<ImportResult> {
  const { ctx, actor } = job;
  const id = job.payload.importId;
  const record = await findImport(ctx.db, id);
  const buffer = record && (await importFile(ctx.db, id));
  if (!record || !buffer) throw importExpired();
  const file = { buffer, fileName: record.fileName };
  const progress = (phase: string, n: number) => job.progress(phase, n);
  let result: ImportResult;
  let staged: number;
  if (record.kind === 'titles') {
    const parsed = await parseTitleFile(actor, file, (record.options as { tier?: Tier }).tier);
    progress('staging', parsed.rows.length);
    await stageRows(ctx.db, id, parsed.rows);
    result = await applyTitleRows(ctx, actor, parsed, record.fileName, 'preview');
    staged = parsed.rows.length;
  } else {
    const parsed = await parseEnterpriseFile(ctx, actor, file, progress);
    progress('staging', parsed.rows.length);
    await stageRows(ctx.db, id, parsed.rows);
    result = await applyEnterpriseRows(ctx, actor, parsed, record.fileName, 'preview', { progress });
    staged = parsed.rows.length;
  }
  await markStaged(ctx.db, id, staged, result.errorCount);
  await markEnded(ctx.db, id);
  return result;
}
