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
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('ZJTX_STORAGE_URL 应为 s3://存储桶/前缀?endpoint=…&region=…');
  }
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
