// The preview job: the one parse of the uploaded file. It compares the rows with the registry and
// stages what the commit needs (enterprises: each one's folded rows with the preview's decision);
// the result is the job's.
import type { Tier } from '../../../domain/enterprise-rules.js';
import { timed } from '../../../server/phase-timing.js';
import type { RunningJob } from '../../../server/queue.js';
import { importExpired } from './import.errors.js';
import { findImport, importFile, markEnded, markStaged, stageRows } from './import.repo.js';
import { type ImportResult, parseEnterpriseFile, previewEnterpriseRows } from './import-enterprises.js';
import { applyTitleRows, parseTitleFile } from './import-titles.js';

export async function runImportPreview(job: RunningJob<{ importId: string }>): Promise<ImportResult> {
  const { ctx, actor } = job;
  const id = job.payload.importId;
  const record = await findImport(ctx.db, id);
  const buffer = record && (await timed('preview: read the stored file', () => importFile(ctx.db, id)));
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
    const parsed = await timed('preview: parse', () => parseEnterpriseFile(ctx, actor, file, progress));
    const preview = await previewEnterpriseRows(ctx, actor, parsed, progress);
    staged = parsed.rows.length;
    parsed.rows = [];
    result = preview.result;
    progress('staging', staged);
    // Nothing to stage when the preview found errors: such a preview is never committed.
    await timed('preview: stage', () => stageRows(ctx.db, id, result.errorCount ? [] : preview.staged));
  }
  await markStaged(ctx.db, id, staged, result.errorCount);
  await markEnded(ctx.db, id);
  return result;
}
