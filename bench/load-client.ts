// A load generator in its own process (so it does not share the server's event loop):
// runs `concurrency` workers for `seconds`, each requesting the next URL of the list, and prints
// the latency percentiles as JSON. Usage: tsx bench/load-client.ts '<json options>'
import { request } from 'node:http';

interface Options {
  baseUrl: string;
  cookie: string;
  urls: string[];
  concurrency: number;
  seconds: number;
}

const options = JSON.parse(process.argv[2]) as Options;
const agent = new (await import('node:http')).Agent({ keepAlive: true, maxSockets: options.concurrency });
const latencies: number[] = [];
let failures = 0;
let next = 0;

function get(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(`${options.baseUrl}${path}`, { agent, headers: { cookie: options.cookie } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(String(res.statusCode)))));
    });
    req.on('error', reject);
    req.end();
  });
}

const deadline = performance.now() + options.seconds * 1000;
await Promise.all(
  Array.from({ length: options.concurrency }, async () => {
    while (performance.now() < deadline) {
      const url = options.urls[next++ % options.urls.length];
      try {
        latencies.push(await get(url));
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
  }),
);
agent.destroy();
