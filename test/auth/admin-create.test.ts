import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-data.js';
import { openDatabase } from '../../src/db/database.js';

// The real command, as `npm run admin:create -- --username NAME` and `npm start` run it, on a fresh
// embedded database in a temporary data directory.
const dataDir = mkdtempSync(path.join(tmpdir(), 'zjtx-admin-create-'));
const baseEnv = { ...process.env, DATABASE_URL: '', ZJTX_DATA_DIR: dataDir, ZJTX_DEMO: '', NODE_ENV: '' };

function zjtx(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/zjtx.ts', ...args], {
    env: { ...baseEnv, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  child.stdin.end(options.stdin ?? '');
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done, output: () => stdout + stderr };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `zjtx serve`, waits until it listens, and returns its URL and a stop function. */
async function serve(env: Record<string, string>) {
  const port = await freePort();
  const run = zjtx(['serve'], { env: { ...env, PORT: String(port) } });
  const started = Date.now();
  while (!run.output().includes('zjtx 已启动')) {
    if (run.child.exitCode !== null) throw new Error(`serve exited: ${run.output()}`);
    if (Date.now() - started > 120_000) throw new Error(`serve did not start: ${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    output: run.output,
    async stop() {
      run.child.kill('SIGTERM');
      await run.done;
    },
  };
}

const login = (url: string, username: string, password: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

describe('a production install: no demo accounts, the first administrator from the command line', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts with NODE_ENV=production on an empty embedded database without demo data, and says how to make an administrator', async () => {
    const server = await serve({ NODE_ENV: 'production' });
    try {
      expect(server.output()).toContain('npm run admin:create -- --username');
      expect(server.output()).not.toContain('演示账号');
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      expect((await login(server.url, 'city.admin', DEMO_PASSWORD)).status).toBe(401);
    } finally {
      await server.stop();
    }
    const demo = await zjtx(['demo'], { env: { ZJTX_DEMO: 'off' } }).done;
    expect(demo.code).not.toBe(0);
    expect(demo.stderr).toContain('演示模式已关闭');
  }, 180_000);

  it('refuses a weak password from standard input with the policy message and exits non-zero', async () => {
    for (const [password, message] of [
      ['Password123', '该密码过于常见'],
      ['Zjtx-demo-2026', '该密码过于常见'],
      ['short', '密码须为 10～128 个字符'],
      ['first.admin-2026', '密码不能包含用户名'],
    ]) {
      const result = await zjtx(['admin', 'create', '--username', 'first.admin'], { stdin: `${password}\n` }).done;
      expect(result.code, password).not.toBe(0);
      expect(result.stderr, password).toContain(message);
    }
  }, 180_000);

  it('creates the first city administrator from standard input, once', async () => {
    const created = await zjtx(['admin', 'create', '--username', 'First.Admin', '--display-name', '市经信委系统管理员'], {
      stdin: 'Chongqing-first-admin-pass\n',
    }).done;
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('已创建市经信委管理员 first.admin');
    const again = await zjtx(['admin', 'create', '--username', 'first.admin'], { stdin: 'Another-good-pass-2026\n' }).done;
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('用户名 first.admin 已被使用');
  }, 180_000);

  it('lets that administrator log in without a forced change, and still writes no demo data (ZJTX_DEMO=off)', async () => {
    const server = await serve({ ZJTX_DEMO: 'off' });
    try {
      const response = await login(server.url, 'first.admin', 'Chongqing-first-admin-pass');
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({ mustChangePassword: false, user: { role: 'city_admin', displayName: '市经信委系统管理员' } });
    } finally {
      await server.stop();
    }
    const database = await openDatabase({ dataDir });
    try {
      const [{ n: users }] = await database.query<{ n: number }>('select count(*)::int as n from users');
      const [{ n: enterprises }] = await database.query<{ n: number }>('select count(*)::int as n from enterprises');
      expect({ users, enterprises }).toEqual({ users: 1, enterprises: 0 });
    } finally {
      await database.close();
    }
  }, 180_000);
});
