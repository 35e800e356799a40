import type { AppContext } from '../../server/context.js';
import { deleteContent, lockUnusedContent, selectUnusedContents } from './files.repo.js';
import { storageOf } from './open-storage.js';

/**
 * Deletes the bytes no file record refers to any more (after an object's files were deleted, or
 * stale uploads removed): those of `only`, or every unused one. Each content under its lock,
 * checked again, blob first and then its row in one transaction, so that an upload of the same
 * bytes either waits and writes them anew or came first and keeps them. Returns how many went.
 */
export async function collectUnusedContents(
  ctx: AppContext,
  { only, batch = 500 }: { only?: string[]; batch?: number } = {},
): Promise<number> {
  const storage = await storageOf(ctx);
  const collect = (sha256: string) =>
    ctx.db.transaction(async (tx) => {
      if (!(await lockUnusedContent(tx, sha256))) return false;
      await storage.delete(sha256);
      await deleteContent(tx, sha256);
      return true;
    });
  let deleted = 0;
  if (only) {
    for (const sha256 of new Set(only)) if (await collect(sha256)) deleted++;
    return deleted;
  }
  for (;;) {
    const candidates = await selectUnusedContents(ctx.db, batch);
    let progressed = 0;
    for (const sha256 of candidates) if (await collect(sha256)) progressed++;
    deleted += progressed;
    if (candidates.length < batch || progressed === 0) return deleted;
  }
}
