// A load generator in its own process (so it does not share the server's event loop): runs
// `concurrency` workers for `seconds`, each sending the next request of the list (a GET, or a
// request with a JSON body), and prints the latency percentiles and the outcomes as JSON.
// Usage: tsx bench/load-client.ts <options.json>
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { LoadOptions } from './http-load.js';

const options = JSON.parse(readFileSync(process.argv[2], 'utf8')) as LoadOptions;
const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
const latencies: number[] = [];
const outcomes: Record<string, number> = {};
let failures = 0;
let firstError = '';
let next = 0;

/** Sends one request; resolves with its latency, rejects on any status but 200 (counted by outcome). */
function send(r: LoadOptions['requests'][number]): Promise<number> {
  const payload = r.body === undefined ? undefined : JSON.stringify(r.body);
  const headers: Record<string, string | number> = { cookie: r.cookie };
  if (payload !== undefined)
    Object.assign(headers, { origin: options.baseUrl, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(`${options.baseUrl}${r.path}`, { method: r.method, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        const elapsed = performance.now() - started;
        // A write's outcome names the status its body reports (e.g. "200 accepted").
        const said = r.method !== 'GET' && res.statusCode === 200 ? (JSON.parse(text) as { status?: string }).status : undefined;
        const outcome = said ? `${res.statusCode} ${said}` : String(res.statusCode);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (res.statusCode === 200) resolve(elapsed);
        else {
          firstError ||= `${res.statusCode} ${text.slice(0, 300)}`;
          reject(new Error(String(res.statusCode)));
        }
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const deadline = performance.now() + options.seconds * 1000;
await Promise.all(
  Array.from({ length: options.concurrency }, async () => {
    while (performance.now() < deadline) {
      const r = options.requests[next++ % options.requests.length];
      try {
        latencies.push(await send(r));
      } catch {
        failures++;
      }
    }
  }),
);
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
console.log(
  JSON.stringify({
    requests: latencies.length,
    failures,
    perSecond: latencies.length / options.seconds,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: pct(100),
    outcomes,
    firstError,
  }),
);
agent.destroy();
