import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/db/data-dir-lock.js';
import { openDatabase } from '../../src/db/database.js';
import { runCli, type ServeRun, seededDataDir, startServe, stop } from '../support/processes.js';

// Two PGlite processes on one data directory each keep their own view: confirmed writes vanish.
describe('one process per PGlite data directory', () => {
  let dir: string;
  const running: ServeRun[] = [];
  beforeAll(async () => {
    dir = await seededDataDir('zjtx-lock-');
  });
  afterAll(async () => {
    for (const r of running) await stop(r, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const lockFile = () => path.join(dir, LOCK_FILE);
  const holderPid = () => JSON.parse(readFileSync(lockFile(), 'utf8')).pid as number;

  it('refuses a second serve and a migrate while one serves, naming the holder; takes over after kill -9', async () => {
    const first = await startServe({ ZJTX_DATA_DIR: dir });
    running.push(first);
    expect(holderPid()).toBe(first.child.pid);

    const second = runCli(['serve'], { ZJTX_DATA_DIR: dir, PORT: String(first.port + 1) });
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain(`进程号 ${first.child.pid}`);
    expect(second.output()).toMatch(/正被另一个 zjtx 进程使用/);

    const migrate = runCli(['migrate'], { ZJTX_DATA_DIR: dir });
    expect(await migrate.exited).not.toBe(0);
    expect(migrate.output()).toContain(`进程号 ${first.child.pid}`);

    // The first one is untouched and still answers.
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);

    await stop(first, 'SIGKILL');
    expect(existsSync(lockFile())).toBe(true);
    const third = await startServe({ ZJTX_DATA_DIR: dir });
    running.push(third);
    expect(holderPid()).toBe(third.child.pid);
    expect((await fetch(`${third.url}/api/health`)).status).toBe(200);

    // A normal stop releases the lock.
    expect(await stop(third, 'SIGTERM')).toBe(0);
    expect(existsSync(lockFile())).toBe(false);
  }, 180_000);

  it('lets exactly one of two servers started at the same moment have the directory', async () => {
    const [a, b] = await Promise.allSettled([startServe({ ZJTX_DATA_DIR: dir }), startServe({ ZJTX_DATA_DIR: dir })]);
    const started = [a, b].filter((r): r is PromiseFulfilledResult<ServeRun> => r.status === 'fulfilled').map((r) => r.value);
    running.push(...started);
    expect(started).toHaveLength(1);
    const refused = [a, b].find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(String(refused.reason)).toContain(`进程号 ${started[0].child.pid}`);
    expect(await stop(started[0])).toBe(0);
    expect(existsSync(lockFile())).toBe(false);
  }, 120_000);

  it('refuses in the same process too, and releases on close', async () => {
    const database = await openDatabase({ dataDir: dir });
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(`进程号 ${process.pid}`);
    await database.close();
    expect(existsSync(lockFile())).toBe(false);
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  }, 60_000);

  it('never takes over a lock from another host, and says how to remove it by hand', async () => {
    writeFileSync(
      lockFile(),
      JSON.stringify({ pid: 4242, host: 'other-host.example', startedAt: '2026-01-02T03:04:05.000Z', command: 'serve' }),
    );
    const run = runCli(['migrate'], { ZJTX_DATA_DIR: dir });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain('另一台主机');
    expect(run.output()).toContain('other-host.example');
    expect(run.output()).toContain(`手动删除锁文件 ${lockFile()}`);
    expect(existsSync(lockFile())).toBe(true);
    rmSync(lockFile());
  }, 60_000);
});
