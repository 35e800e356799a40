import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskStorage } from '../../src/modules/files/disk-storage.js';
import { BlobMissingError, type FileStorage } from '../../src/modules/files/file-storage.js';
import { parseS3Url, s3Storage } from '../../src/modules/files/s3-storage.js';
import { startS3Server } from './s3-server.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function storageContract(name: string, open: () => FileStorage) {
  describe(name, () => {
    it('puts bytes and streams, tells what exists, reads them back and deletes them', async () => {
      const storage = open();
      const a = 'PDF 佐证材料 A';
      const b = 'second content, as a stream';
      expect(await storage.exists(sha(a))).toBe(false);
      await storage.put(sha(a), Buffer.from(a));
      await storage.put(sha(b), Readable.from([Buffer.from(b)]), Buffer.byteLength(b));
      expect(await storage.exists(sha(a))).toBe(true);
      expect(await text(await storage.get(sha(a)))).toBe(a);
      expect(await text(await storage.get(sha(b)))).toBe(b);
      // Writing the same key again is harmless.
      await storage.put(sha(a), Buffer.from(a));
      await storage.delete(sha(a));
      expect(await storage.exists(sha(a))).toBe(false);
      await expect(storage.get(sha(a))).rejects.toBeInstanceOf(BlobMissingError);
      // Deleting what is not there is not an error.
      await storage.delete(sha(a));
      expect(await storage.exists(sha(b))).toBe(true);
    });

    it('refuses a key that is not a SHA-256 (no path ever comes from outside)', async () => {
      const storage = open();
      await expect(storage.put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow(/not a SHA-256/);
      await expect(storage.exists('ABC')).rejects.toThrow(/not a SHA-256/);
    });
  });
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

storageContract('disk storage', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zjtx-disk-storage-'));
  dirs.push(dir);
  return diskStorage(path.join(dir, 'files'), path.join(dir, 'files.tmp'));
});

describe('disk storage layout', () => {
  it('shards blobs into two levels of directories and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zjtx-disk-storage-'));
    dirs.push(dir);
    const storage = diskStorage(path.join(dir, 'files'), path.join(dir, 'files.tmp'));
    const key = sha('layout');
    await storage.put(key, Buffer.from('layout'));
    expect(readdirSync(path.join(dir, 'files', key.slice(0, 2), key.slice(2, 4)))).toEqual([key]);
    expect(readdirSync(path.join(dir, 'files.tmp'))).toEqual([]);
  });
});

let s3: Awaited<ReturnType<typeof startS3Server>>;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3?.close();
});

storageContract('S3 storage (s3rver, a real S3-compatible server in-process)', () =>
  s3Storage(`s3://${s3.bucket}/zjtx/files?endpoint=${encodeURIComponent(s3.endpoint)}&region=cn-north-1`),
);

describe('ZJTX_STORAGE_URL', () => {
  it('names bucket, prefix, endpoint and region; path style with an endpoint', () => {
    expect(parseS3Url('s3://bucket/a/b/?endpoint=http://127.0.0.1:9000&region=cn-north-1')).toEqual({
      bucket: 'bucket',
      prefix: 'a/b',
      endpoint: 'http://127.0.0.1:9000',
      region: 'cn-north-1',
      forcePathStyle: true,
    });
    expect(parseS3Url('s3://bucket').prefix).toBe('');
  });
  it('refuses credentials in the URL and an endpoint that is not http(s)', () => {
    expect(() => parseS3Url('s3://key:secret@bucket/x')).toThrow(/AWS_ACCESS_KEY_ID/);
    expect(() => parseS3Url('s3://bucket/x?endpoint=ftp://host')).toThrow(/endpoint/);
  });
});
