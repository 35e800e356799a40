// What the HTTP benchmarks share: latency percentiles of a worker pool, the load client in its own
// process, a demo login over HTTP, and how figures are printed.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEMO_PASSWORD } from '../src/cli/demo-data.js';

export const CONCURRENCY = 8;
export const SECONDS = Number(process.env.ZJTX_BENCH_SECONDS ?? 10);

export interface Latency {
  requests: number;
  failures: number;
  p50: number;
  p95: number;
  p99: number;
}

export const ms = (v: number) => `${v.toFixed(1)} ms`;
export const n = (v: number) => v.toLocaleString('en');
export const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
export const latencyText = (l: Latency) =>
  `p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)} (${n(l.requests)} requests, failures ${l.failures})`;

/** Runs fn with `concurrency` workers for `seconds`; latency percentiles in ms (failures counted, not timed). */
export async function pool(fn: (i: number) => Promise<unknown>, seconds = SECONDS, concurrency = CONCURRENCY): Promise<Latency> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const i = next++;
        const started = performance.now();
        try {
          await fn(i);
          latencies.push(performance.now() - started);
        } catch {
          failures++;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { requests: latencies.length, failures, p50: pct(50), p95: pct(95), p99: pct(99) };
}

/** What bench/load-client.ts is given (through a file: a list of writes is longer than an argument may be). */
export interface LoadOptions {
  baseUrl: string;
  concurrency: number;
  seconds: number;
  requests: { method: string; path: string; cookie: string; body?: unknown }[];
}

/** Latencies and, per outcome ("200", "200 accepted", "409"…), how many requests had it. */
export type LoadResult = Latency & { outcomes: Record<string, number>; firstError: string };

/** Sends `requests` in turn from `concurrency` clients in a process of their own (bench/load-client.ts). */
export async function requestLoad(
  baseUrl: string,
  requests: LoadOptions['requests'],
  concurrency = CONCURRENCY,
  seconds = SECONDS,
): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zjtx-load-'));
  const file = path.join(dir, 'options.json');
  try {
    writeFileSync(file, JSON.stringify({ baseUrl, requests, concurrency, seconds } satisfies LoadOptions));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/load-client.ts', file], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(stdout.trim().split('\n').pop() as string);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** GETs of `urls` in turn by `concurrency` clients in a process of their own. */
export function httpLoad(baseUrl: string, cookie: string, urls: string[], concurrency = CONCURRENCY, seconds = SECONDS): Promise<Latency> {
  return requestLoad(
    baseUrl,
    urls.map((url) => ({ method: 'GET', path: url, cookie })),
    concurrency,
    seconds,
  );
}

/** Logs a demo account in over HTTP; the session cookie. */
export async function logIn(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('zjtx_session='));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return cookie.split(';')[0];
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await fn();
  return { result, seconds: (performance.now() - started) / 1000 };
}
