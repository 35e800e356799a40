import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupCommand } from '../../src/cli/backup.js';
import { DEMO_PASSWORD } from '../../src/cli/demo-data.js';
import { restoreCommand } from '../../src/cli/restore.js';
import { type Database, openDatabase } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import type { Config } from '../../src/server/config.js';
import { multipart } from '../support/files.js';
import { seededDataDir } from '../support/processes.js';
import { testConfig } from '../support/test-config.js';
import { docx, pdf } from './samples.js';

/** An app on a PGlite data directory, for `fn`, closed afterwards. */
async function withApp<T>(config: Config, fn: (app: Awaited<ReturnType<typeof buildApp>>, database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir: config.dataDir });
  const app = await buildApp({ database, config });
  try {
    return await fn(app, database);
  } finally {
    await app.close();
    await database.close();
  }
}

async function login(app: Awaited<ReturnType<typeof buildApp>>, username: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  return `zjtx_session=${response.cookies.find((c) => c.name === 'zjtx_session')?.value}`;
}

describe('backup and restore carry the attachments (ZJTX_DATA_DIR/files)', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'zjtx-backup-files-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('an uploaded file downloads the same from the restored data directory, under its name', async () => {
    const source = await seededDataDir('zjtx-backup-files-src-');
    const files = [
      { bytes: pdf('backed up'), name: '备份前的佐证.pdf' },
      { bytes: docx('恢复后可下载'), name: '服务报告.docx' },
    ];
    const ids = await withApp(testConfig({ dataDir: source }), async (app) => {
      const cookie = await login(app, 'rongchang.admin');
      const out: string[] = [];
      for (const f of files) {
        const body = await multipart(f.bytes, f.name);
        const response = await app.inject({
          method: 'POST',
          url: '/api/files',
          payload: body.payload,
          headers: { ...body.headers, cookie },
        });
        expect(response.statusCode).toBe(200);
        out.push(response.json().id);
      }
      return out;
    });
    const backupFile = path.join(work, 'with-files.zjtx-backup');
    const backup = await backupCommand(testConfig({ dataDir: source }), backupFile);
    expect(backup.files).toBe(2);
    rmSync(source, { recursive: true, force: true });

    const target = path.join(work, 'restored');
    const restored = await restoreCommand(testConfig({ dataDir: target }), backupFile);
    expect(restored.files).toBe(2);
    // Blobs only, no staging leftovers.
    expect(existsSync(path.join(target, 'files.tmp'))).toBe(false);
    await withApp(testConfig({ dataDir: target }), async (app) => {
      const cookie = await login(app, 'rongchang.admin');
      for (const [i, f] of files.entries()) {
        const response = await app.inject({ method: 'GET', url: `/api/files/${ids[i]}`, headers: { cookie } });
        expect(response.statusCode).toBe(200);
        expect(response.rawPayload.equals(f.bytes)).toBe(true);
        expect(decodeURIComponent(String(response.headers['content-disposition']))).toContain(f.name);
      }
    });
  }, 120_000);
});
