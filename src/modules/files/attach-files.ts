import type { DbOrTx } from '../../db/database.js';
import type { Actor } from '../../server/access.js';
import { FILE_OWNERS } from '../../server/file-owners.js';
import { fileNotFound, fileOwnerUnknown } from './files.errors.js';
import { attachToOwner, type FileOwner } from './files.repo.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Attaches uploads to an object, in the transaction that saves the object. Each id must be the
 * actor's own upload not yet attached (or one already attached to this owner: saving a form twice
 * is fine); otherwise 400 FILE_NOT_FOUND and, the caller's transaction failing, nothing is saved.
 */
export async function attachFiles(tx: DbOrTx, actor: Actor, fileIds: string[], owner: FileOwner): Promise<void> {
  if (!Object.hasOwn(FILE_OWNERS, owner.type)) throw fileOwnerUnknown(owner.type);
  const wanted = [...new Set(fileIds)];
  if (!wanted.length) return;
  const malformed = wanted.filter((id) => !UUID.test(id));
  if (malformed.length) throw fileNotFound(malformed);
  const attached = new Set(await attachToOwner(tx, actor.userId, wanted, owner));
  const missing = wanted.filter((id) => !attached.has(id));
  if (missing.length) throw fileNotFound(missing);
}
