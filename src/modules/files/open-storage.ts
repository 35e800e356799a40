import path from 'node:path';
import type { AppContext } from '../../server/context.js';
import { diskStorage } from './disk-storage.js';
import type { FileStorage } from './file-storage.js';

/** Attachments live here under the data directory by default (the backup copies this folder). */
export const FILES_DIR = 'files';

export interface StorageSettings {
  dataDir: string;
  /** ZJTX_STORAGE_URL: s3://bucket/prefix?endpoint=…&region=… */
  storageUrl?: string;
}

const opened = new Map<string, Promise<FileStorage>>();

/** The file storage the configuration names, opened once per process (the S3 client is loaded only when used). */
export function openStorage(settings: StorageSettings): Promise<FileStorage> {
  const key = settings.storageUrl ?? `disk:${settings.dataDir}`;
  let storage = opened.get(key);
  if (!storage) {
    storage = settings.storageUrl
      ? import('./s3-storage.js').then((m) => m.s3Storage(settings.storageUrl as string))
      : Promise.resolve(diskStorage(path.join(settings.dataDir, FILES_DIR), path.join(settings.dataDir, `${FILES_DIR}.tmp`)));
    storage.catch(() => opened.delete(key));
    opened.set(key, storage);
  }
  return storage;
}

/** The file storage of this process's configuration. */
export function storageOf(ctx: AppContext): Promise<FileStorage> {
  return openStorage({ dataDir: ctx.config.dataDir, storageUrl: ctx.config.storageUrl });
}
