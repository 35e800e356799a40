import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import { safeFileName } from '../../domain/file-names.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { AppError, unauthenticated } from '../../server/errors.js';
import { fileEmpty, fileStorageFailed, fileTooLarge, fileTypeNotAllowed } from './files.errors.js';
import { insertFile, lockContent } from './files.repo.js';
import { FILE_TYPES, type FileInfo, type FileType, MAX_FILE_BYTES } from './files.schemas.js';
import { storageOf } from './open-storage.js';

export interface Upload {
  /** The bytes as they arrive; may fail with a too-large error of the multipart parser. */
  stream: Readable;
  /** The name the client sent (any path in it is dropped). */
  fileName: string;
}

/** Counts and hashes what passes, refusing more than `limit` bytes. */
function measure(limit: number) {
  const hash = createHash('sha256');
  let size = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > limit) return callback(fileTooLarge());
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  return { transform, result: () => ({ size, sha256: hash.digest('hex') }) };
}

/**
 * An upload of the actor's, attached to nothing yet: streamed to a temporary file (at most 20 MB,
 * hashed on the way), its type found from the bytes, then stored once per content and recorded.
 */
export async function uploadFile(ctx: AppContext, actor: Actor | null | undefined, upload: Upload): Promise<FileInfo> {
  if (!actor) throw unauthenticated();
  const staging = await mkdtemp(path.join(tmpdir(), 'zjtx-upload-'));
  try {
    const staged = path.join(staging, 'upload');
    const measured = measure(MAX_FILE_BYTES);
    try {
      await pipeline(upload.stream, measured.transform, createWriteStream(staged));
      // The multipart parser ends a file at its limit and marks it truncated.
      if ((upload.stream as { truncated?: boolean }).truncated) throw fileTooLarge();
    } catch (error) {
      if (error instanceof AppError) throw error;
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge();
      throw error;
    }
    const { size, sha256 } = measured.result();
    if (size === 0) throw fileEmpty();
    const found = await fileTypeFromFile(staged);
    if (!found || !Object.hasOwn(FILE_TYPES, found.mime)) throw fileTypeNotAllowed();
    const type = found.mime as FileType;
    const name = safeFileName(upload.fileName, found.ext);

    const storage = await storageOf(ctx);
    const row = await ctx.db.transaction(async (tx) => {
      // Under the content's lock: written once, and never while the collector deletes it.
      await lockContent(tx, { sha256, size, type });
      try {
        if (!(await storage.exists(sha256))) await storage.put(sha256, createReadStream(staged), size);
      } catch (error) {
        throw Object.assign(fileStorageFailed(), { cause: error });
      }
      return insertFile(tx, { sha256, name, size, type, uploadedBy: actor.userId });
    });
    return { id: row.id, name: row.name, size: row.size, sha256: row.sha256, type: row.type };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
