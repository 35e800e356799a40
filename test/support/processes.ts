import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { openDatabase } from '../../src/db/database.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A data directory holding a copy of the seeded test template (a server on it starts without seeding demo data). */
export async function seededDataDir(prefix = 'zjtx-dir-'): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const database = await openDatabase({ dataDir: dir, loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
  await database.close();
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface CliRun {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/** `node --import tsx src/cli/zjtx.ts …` as a real process, with the given environment on top of a clean one. */
export function runCli(args: string[], env: Record<string, string>, input?: Buffer | string): CliRun {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/zjtx.ts', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  if (input !== undefined) child.stdin?.end(input);
  else child.stdin?.end();
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, output: () => out, exited };
}

export interface ServeRun extends CliRun {
  port: number;
  url: string;
}

/** Starts `zjtx serve` and waits until it listens (or exits). */
export async function startServe(env: Record<string, string>, timeoutMs = 60_000): Promise<ServeRun> {
  const port = await freePort();
  const run = runCli(['serve'], { PORT: String(port), ...env });
  const started = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const check = () => {
      if (run.output().includes('zjtx 已启动')) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    run.child.stdout?.on('data', check);
    run.exited.then(() => {
      clearTimeout(timer);
      resolve(run.output().includes('zjtx 已启动'));
    });
  });
  if (!started) {
    run.child.kill('SIGKILL');
    throw new Error(`serve did not start:\n${run.output()}`);
  }
  return { ...run, port, url: `http://127.0.0.1:${port}` };
}

/** Stops a process and waits for it. */
export async function stop(run: CliRun, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string> {
  if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill(signal);
  return run.exited;
}
