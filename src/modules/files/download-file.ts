import type { Readable } from 'node:stream';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { fileStorageFailed } from './files.errors.js';
import type { FileInfo } from './files.schemas.js';
import { findReadableFile } from './find-readable-file.js';
import { storageOf } from './open-storage.js';

/** The file's record and its bytes as a stream, for a download. */
export async function downloadFile(
  ctx: AppContext,
  actor: Actor | null | undefined,
  id: string,
): Promise<{ file: FileInfo; body: Readable }> {
  const row = await findReadableFile(ctx, actor, id);
  const storage = await storageOf(ctx);
  try {
    const body = await storage.get(row.sha256);
    return { file: { id: row.id, name: row.name, size: row.size, sha256: row.sha256, type: row.type }, body };
  } catch (error) {
    // A record whose bytes cannot be read (a missing blob, the store down): 503, never a 500.
    throw Object.assign(fileStorageFailed(), { cause: error });
  }
}
