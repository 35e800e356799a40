import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BlobMissingError, checkKey, type FileStorage } from './file-storage.js';

export interface S3Location {
  bucket: string;
  /** Key prefix without leading or trailing slash ('' for the bucket's root). */
  prefix: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
}

/**
 * `s3://bucket/prefix?endpoint=http://127.0.0.1:9000&region=cn-north-1` (endpoint and region
 * optional; `forcePathStyle=false` for virtual-hosted buckets, path style is the default with an
 * endpoint, as MinIO and most S3-compatible stores want). Credentials are never in the URL: the
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables (or the SDK's other usual sources).
 */
export function parseS3Url(value: string): S3Location {
  const url = new URL(value);
  if (url.protocol !== 's3:' || !url.hostname) throw new Error('ZJTX_STORAGE_URL 应为 s3://存储桶/前缀?endpoint=…&region=…');
  if (url.username || url.password) throw new Error('ZJTX_STORAGE_URL 不能包含账号或密钥：请用 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY');
  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  if (endpoint && !/^https?:\/\//.test(endpoint)) throw new Error('ZJTX_STORAGE_URL 的 endpoint 应以 http:// 或 https:// 开头');
  return {
    bucket: url.hostname,
    prefix: decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, ''),
    endpoint,
    region: url.searchParams.get('region') ?? process.env.AWS_REGION ?? 'us-east-1',
    forcePathStyle: url.searchParams.has('forcePathStyle') ? url.searchParams.get('forcePathStyle') !== 'false' : Boolean(endpoint),
  };
}

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
