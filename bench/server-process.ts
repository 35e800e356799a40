import { type ChildProcess, spawn } from 'node:child_process';

export interface StartedServer {
  process: ChildProcess;
  baseUrl: string;
  /** Milliseconds from spawn to the first healthy answer. */
  readyMs: number;
  output: () => string;
  stop(): Promise<void>;
}

/** Runs `npm start` as a user would, and waits until /api/health answers. */
export async function startServer(env: Record<string, string>, port: number, timeoutMs = 120_000): Promise<StartedServer> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      const r = await fetch(`${baseUrl}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - started;
  if (readyMs >= timeoutMs) throw new Error(`server not ready after ${timeoutMs} ms: ${output}`);
  return {
    process: child,
    baseUrl,
    readyMs,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        // npm → sh → tsx → node: signal the whole group.
        process.kill(-(child.pid as number), 'SIGTERM');
      }),
  };
}
