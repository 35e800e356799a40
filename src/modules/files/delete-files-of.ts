import type { DbOrTx } from '../../db/database.js';
import { deleteOwnerFiles, type FileOwner } from './files.repo.js';

/**
 * Deletes the file records of an object (its draft is being deleted), in that transaction. The
 * bytes go with the collection of unused contents (collect-unused-files.ts), which deletes a blob
 * once no record refers to it: the same bytes may still be attached elsewhere.
 */
export async function deleteFilesOf(tx: DbOrTx, owner: FileOwner): Promise<void> {
  await deleteOwnerFiles(tx, owner);
}
