// The commit job: applies what its preview staged (the file is not read again), in ONE
// transaction with the job's checkpoint and the import's "committed" mark: all or nothing, and a
// commit run again after a crash answers the stored result instead of applying twice. A large
// commit queues the refresh of the registry's statistics in that transaction, to run after it.
import { timed } from '../../../server/phase-timing.js';
import { enqueue, type RunningJob } from '../../../server/queue.js';
import { REGISTRY_STATISTICS_JOB } from '../enterprises.jobs.js';
import { importExpired, importNotPreviewed } from './import.errors.js';
import { findImport, markCommitted, markEnded, stagedRows } from './import.repo.js';
import {
  applyEnterpriseRows,
  type CommitOptions,
  commitStagedEnterprises,
  type ImportResult,
  type StagedEnterprise,
  statisticsAfter,
} from './import-enterprises.js';
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
  await timed('commit: load staged', async () => {
    for await (const chunk of stagedRows(ctx.db, id)) {
      for (const r of chunk) rows.push(r);
      job.progress('loading', rows.length);
    }
  });
  const options: CommitOptions = {
    progress: (phase, n) => job.progress(phase, n),
    inTransaction: (fn) => job.commitChunk({ applying: true }, fn),
    onCommitted: async (tx, result) => {
      await markCommitted(tx, id, result);
      const statistics = record.kind === 'enterprises' && statisticsAfter(result);
      if (statistics) await enqueue(tx, REGISTRY_STATISTICS_JOB, statistics, { actor });
    },
  };
  let result: ImportResult;
  if (record.kind === 'titles')
    result = await applyTitleRows(ctx, actor, { rows: rows as TitleRow[], errors: [] }, record.fileName, 'commit', options);
  // Staged by a preview of an earlier version: the parsed rows themselves, compared again in full.
  else if (rows.length && 'rowNumber' in (rows[0] as object))
    result = await applyEnterpriseRows(ctx, actor, { rows: rows as ParsedRow[], errors: [] }, record.fileName, 'commit', options);
  else result = await commitStagedEnterprises(ctx, actor, rows as StagedEnterprise[], record.stagedRows, record.fileName, options);
  await markEnded(ctx.db, id);
  return result;
}
