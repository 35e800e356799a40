import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobMissingError, checkKey, type FileStorage } from './file-storage.js';

/**
 * Attachments on disk: `<root>/ab/cd/abcd…` (two levels of 256 directories). A blob is written
 * to a temporary file in `tmpDir` (same file system, outside `root` so a backup never reads a
 * half-written file) and renamed into place, so a reader sees all of it or nothing.
 */
export function diskStorage(root: string, tmpDir = `${root}.tmp`): FileStorage {
  const blobPath = (sha256: string) => path.join(root, checkKey(sha256).slice(0, 2), sha256.slice(2, 4), sha256);
  return {
    async put(sha256, body) {
      const target = blobPath(sha256);
      await mkdir(path.dirname(target), { recursive: true });
      await mkdir(tmpDir, { recursive: true });
      const temp = path.join(tmpDir, `${sha256}.${process.pid}.${randomBytes(6).toString('hex')}`);
      try {
        if (Buffer.isBuffer(body)) await writeFile(temp, body, { flag: 'wx' });
        else await pipeline(body as Readable, createWriteStream(temp, { flags: 'wx' }));
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    async get(sha256) {
      const file = blobPath(sha256);
      if (!(await this.exists(sha256))) throw new BlobMissingError(sha256);
      return createReadStream(file);
    },
    async delete(sha256) {
      const file = blobPath(sha256);
      await rm(file, { force: true });
    },
    async exists(sha256) {
      try {
        return (await stat(blobPath(sha256))).isFile();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },
    describe: () => root,
  };
}
