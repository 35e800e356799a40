import type { DbOrTx } from '../../db/database.js';
import { enqueue } from '../../server/queue.js';
import { COLLECT_FILES_JOB } from './files.jobs.js';
import { deleteOwnerFiles, type FileOwner } from './files.repo.js';

/**
 * Deletes the file records of an object (its draft is being deleted), in that transaction, and
 * enqueues there the collection of their bytes: a blob goes once no record refers to it (the
 * same bytes may still be attached elsewhere), and only if the deletion commits.
 */
export async function deleteFilesOf(tx: DbOrTx, owner: FileOwner): Promise<void> {
  const shas = [...new Set(await deleteOwnerFiles(tx, owner))];
  for (let i = 0; i < shas.length; i += 1000) await enqueue(tx, COLLECT_FILES_JOB, { sha256: shas.slice(i, i + 1000) });
}
