import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/domain/uscc.js';
import { DEMO_PASSWORD } from '../../src/modules/auth/passwords.js';
import { multipart, xlsx } from '../support/files.js';
import { type ServeRun, seededDataDir, startServe, stop } from '../support/processes.js';

const ROWS = 25_000;
const HEADERS = ['统一社会信用代码', '企业名称', '所属区县', '行业大类代码', '成立日期', '年度', '营业收入（万元）', '从业人员（人）'];

describe('an import job whose process is killed (kill -9)', () => {
  let dir = '';
  const servers: ServeRun[] = [];
  afterAll(async () => {
    for (const s of servers) await stop(s, 'SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finishes (or fails with a Chinese message) after a restart, and never stays running', async () => {
    dir = await seededDataDir('zjtx-import-kill-');
    const env = { ZJTX_DATA_DIR: dir };
    const first = await startServe(env);
    servers.push(first);
    const login = async (url: string) => {
      const r = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'city.admin', password: DEMO_PASSWORD }),
      });
      expect(r.status).toBe(200);
      return (r.headers.get('set-cookie') ?? '').split(';')[0];
    };
    const rows = Array.from({ length: ROWS }, (_, i) => [
      makeUscc('500153', `KL${String(i).padStart(6, '0')}`),
      `重庆中断导入${i}号科技有限公司`,
      '荣昌区',
      '39',
      '2016-05-01',
      2025,
      '1500',
      60,
    ]);
    const file = await xlsx([HEADERS, ...rows]);
    let cookie = await login(first.url);
    const body = await multipart(file, 'kill.xlsx');
    const started = await fetch(`${first.url}/api/enterprises/import-jobs`, {
      method: 'POST',
      headers: { cookie, ...body.headers },
      body: new Uint8Array(body.payload),
    });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    const job = async (url: string) =>
      (await (await fetch(`${url}/api/enterprises/import-jobs/${id}`, { headers: { cookie } })).json()) as {
        status: string;
        phase: string | null;
        result: { created: number } | null;
        error: { message: string } | null;
      };
    // Killed while it parses the file.
    for (let i = 0; i < 400 && (await job(first.url)).status !== 'running'; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await job(first.url)).status).toBe('running');
    await stop(first, 'SIGKILL');

    const second = await startServe(env);
    servers.push(second);
    cookie = await login(second.url);
    let last = await job(second.url);
    for (let i = 0; i < 1200 && (last.status === 'queued' || last.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      last = await job(second.url);
    }
    expect(['done', 'failed']).toContain(last.status);
    if (last.status === 'done') expect(last.result).toMatchObject({ created: ROWS });
    else expect(last.error?.message).toMatch(/[\u4e00-\u9fff]/);
    await stop(second);
  }, 240_000);
});
