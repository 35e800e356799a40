import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BlobMissingError, checkKey, type FileStorage } from './file-storage.js';
import { parseS3Url } from './s3-url.js';

export { parseS3Url } from './s3-url.js';

const isNotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

/** Attachments in an S3-compatible bucket, key `<prefix>/ab/<sha256>`. */
export function s3Storage(url: string): FileStorage {
  const location = parseS3Url(url);
  const client = new S3Client({
    region: location.region,
    endpoint: location.endpoint,
    forcePathStyle: location.forcePathStyle,
    // Plain requests that every S3-compatible store understands (no aws-chunked streaming checksums).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const key = (sha256: string) => [location.prefix, checkKey(sha256).slice(0, 2), sha256].filter(Boolean).join('/');
  const Bucket = location.bucket;
  return {
    async put(sha256, body, size) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key(sha256),
          Body: body,
          ContentLength: Buffer.isBuffer(body) ? body.length : size,
          ContentType: 'application/octet-stream',
        }),
      );
    },
    async get(sha256) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: key(sha256) }));
        if (!(answer.Body instanceof Readable)) throw new Error('S3 answered without a body stream');
        return answer.Body;
      } catch (error) {
        if (isNotFound(error)) throw new BlobMissingError(sha256);
        throw error;
      }
    },
    async delete(sha256) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key(sha256) }));
    },
    async exists(sha256) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key(sha256) }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
    describe: () => `s3://${Bucket}/${location.prefix}${location.endpoint ? ` (${location.endpoint})` : ''}`,
  };
}
