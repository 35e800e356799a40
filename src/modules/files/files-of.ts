import type { DbOrTx } from '../../db/database.js';
import { type FileOwner, selectFilesOf } from './files.repo.js';
import type { FileInfo } from './files.schemas.js';

/**
 * The files attached to an object, oldest first. No access check of its own: the owner module
 * calls it for an object it has already loaded through the actor's scope.
 */
export async function filesOf(db: DbOrTx, owner: FileOwner): Promise<FileInfo[]> {
  return selectFilesOf(db, owner);
}
