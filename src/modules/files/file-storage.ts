import type { Readable } from 'node:stream';

/**
 * Where the bytes of attachments live, by SHA-256 (lower-case hex): each content once. Writing a
 * key that exists writes the same bytes again (harmless); reading a missing key throws
 * BlobMissingError.
 */
export interface FileStorage {
  /** Stores the bytes under `sha256`; the caller has checked that they hash to it. `size` when known (S3 needs it for a stream). */
  put(sha256: string, body: Buffer | Readable, size?: number): Promise<void>;
  get(sha256: string): Promise<Readable>;
  delete(sha256: string): Promise<void>;
  exists(sha256: string): Promise<boolean>;
  /** For messages and logs: where the files are (never credentials). */
  describe(): string;
}

export class BlobMissingError extends Error {
  constructor(readonly sha256: string) {
    super(`blob ${sha256} is missing from the file storage`);
    this.name = 'BlobMissingError';
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Only a well-formed hash ever becomes a key or a path. */
export function checkKey(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256 key: ${sha256.slice(0, 80)}`);
  return sha256;
}
