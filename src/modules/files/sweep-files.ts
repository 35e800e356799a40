import type { AppContext } from '../../server/context.js';
import { collectUnusedContents } from './collect-unused-contents.js';
import { deleteUnattachedBefore } from './files.repo.js';

/** Uploads attached to nothing are kept this long (a form being filled in), then removed. */
export const UNATTACHED_HOURS = 24;

/** The daily sweep's step: remove uploads never attached within 24 hours, then the bytes no record uses. */
export async function sweepFiles(ctx: AppContext, now: Date = new Date()): Promise<{ uploads: number; blobs: number }> {
  const uploads = await deleteUnattachedBefore(ctx.db, new Date(now.getTime() - UNATTACHED_HOURS * 3600_000));
  const blobs = await collectUnusedContents(ctx);
  return { uploads, blobs };
}
