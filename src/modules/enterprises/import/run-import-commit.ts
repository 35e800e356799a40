// The commit job: applies the rows its preview staged (the file is not read again), in ONE
// transaction with the job's checkpoint and the import's "committed" mark: all or nothing, and a
// commit run again after a crash answers the stored result instead of applying twice.
import type { RunningJob } from '../../../server/queue.js';
import { importExpired, importNotPreviewed } from './import.errors.js';
import { findImport, markCommitted, markEnded, stagedRows } from './import.repo.js';
import { applyEnterpriseRows, type ImportResult } from './import-enterprises.js';
import { applyTitleRows, type TitleRow } from './import-titles.js';
import type { ParsedRow } from './parse-rows.js';

export async function runImportCommit(job: RunningJob<{ importId: string }>): Promise<ImportResult> {
  const { ctx, actor } = job;
  const id = job.payload.importId;
  const record = await findImport(ctx.db, id);
  if (!record || record.fileDeletedAt) throw importExpired();
  if (record.committedAt) {
    await markEnded(ctx.db, id);
    return record.commitResult as ImportResult;
  }
  if (!record.stagedAt) throw importNotPreviewed();
  const rows: unknown[] = [];
  for await (const chunk of stagedRows(ctx.db, id)) {
    for (const r of chunk) rows.push(r);
    job.progress('loading', rows.length);
  }
  const options = {
    progress: (phase: string, n: number) => job.progress(phase, n),
    inTransaction: <T>(fn: (tx: Parameters<Parameters<typeof job.commitChunk>[1]>[0]) => Promise<T>) =>
      job.commitChunk({ applying: true }, fn),
    onCommitted: (tx: Parameters<Parameters<typeof job.commitChunk>[1]>[0], result: ImportResult) => markCommitted(tx, id, result),
  };
  const result =
    record.kind === 'titles'
      ? await applyTitleRows(ctx, actor, { rows: rows as TitleRow[], errors: [] }, record.fileName, 'commit', options)
      : await applyEnterpriseRows(ctx, actor, { rows: rows as ParsedRow[], errors: [] }, record.fileName, 'commit', options);
  await markEnded(ctx.db, id);
  return result;
}
