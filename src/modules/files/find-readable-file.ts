import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound, unauthenticated } from '../../server/errors.js';
import { FILE_OWNERS } from '../../server/file-owners.js';
import { type FileRow, selectFile } from './files.repo.js';

/**
 * A file the actor may read: their own upload while it is attached to nothing; once attached,
 * whoever the owner module lets read that object (its scoped query in FILE_OWNERS). Everyone
 * else, like an absent id, gets 404.
 */
export async function findReadableFile(ctx: AppContext, actor: Actor | null | undefined, id: string): Promise<FileRow> {
  if (!actor) throw unauthenticated();
  const row = await selectFile(ctx.db, id);
  if (!row) throw notFound();
  if (row.ownerType === null || row.ownerId === null) {
    if (row.uploadedBy !== actor.userId) throw notFound();
    return row;
  }
  const mayRead = Object.hasOwn(FILE_OWNERS, row.ownerType) ? FILE_OWNERS[row.ownerType] : undefined;
  if (!mayRead || !(await mayRead(ctx.db, actor, row.ownerId))) throw notFound();
  return row;
}
