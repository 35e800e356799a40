import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { multipart } from '../support/files.js';
import { type Harness, startHarness } from '../support/harness.js';
import { startS3Server } from './s3-server.js';
import { pdf } from './samples.js';

describe('attachments on an S3-compatible store (ZJTX_STORAGE_URL, s3rver in-process)', () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let h: Harness;
  let dataDir: string;
  beforeAll(async () => {
    s3 = await startS3Server('zjtx-uploads');
    dataDir = mkdtempSync(path.join(tmpdir(), 'zjtx-s3-files-'));
    const { storageUrl } = loadConfig({ ZJTX_STORAGE_URL: `s3://${s3.bucket}/attachments?endpoint=${s3.endpoint}&region=cn-north-1` });
    h = await startHarness('pglite', { dataDir, storageUrl });
  });
  afterAll(async () => {
    await h?.close();
    await s3?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('uploads into the bucket (nothing under the data directory) and downloads from it', async () => {
    const cookie = await h.login('rongchang.admin');
    const bytes = pdf('stored in S3');
    const body = await multipart(bytes, '对象存储.pdf');
    const uploaded = await h.app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...body.headers, cookie } });
    expect(uploaded.statusCode).toBe(200);
    const { id, sha256 } = uploaded.json();
    expect(existsSync(path.join(dataDir, 'files'))).toBe(false);
    const object = await fetch(`${s3.endpoint}/${s3.bucket}/attachments/${sha256.slice(0, 2)}/${sha256}`);
    expect(object.status).toBe(200);
    expect(Buffer.from(await object.arrayBuffer()).equals(bytes)).toBe(true);
    const download = await h.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: { cookie } });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
  });

  it('a store that does not answer is a 503 in Chinese, not a 500, and records nothing', async () => {
    const cookie = await h.login('rongchang.admin');
    await s3.close();
    const before = await h.count('select count(*) as n from files');
    const body = await multipart(pdf('store down'), '不可用.pdf');
    const uploaded = await h.app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...body.headers, cookie } });
    expect(uploaded.statusCode).toBe(503);
    expect(uploaded.json()).toMatchObject({ code: 'FILE_STORAGE_FAILED', message: '文件存储暂时不可用，请稍后重试' });
    expect(await h.count('select count(*) as n from files')).toBe(before);
  });
});

describe('ZJTX_STORAGE_URL in the configuration', () => {
  it('is optional, and refused with a Chinese reason when malformed', () => {
    expect(loadConfig({}).storageUrl).toBeUndefined();
    expect(loadConfig({ ZJTX_STORAGE_URL: 's3://bucket/x' }).storageUrl).toBe('s3://bucket/x');
    expect(() => loadConfig({ ZJTX_STORAGE_URL: 'http://bucket' })).toThrow(/ZJTX_STORAGE_URL 有误/);
    expect(() => loadConfig({ ZJTX_STORAGE_URL: 's3://k:secret@bucket' })).toThrow(/AWS_ACCESS_KEY_ID/);
  });
});
