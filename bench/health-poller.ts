// Polls GET /api/health every 50 ms in a process of its own (so that it does not share the server's
// event loop) until its standard input closes, then prints the latencies as JSON. A request is sent
// 50 ms after the previous one was sent, or at once when the previous answer took longer.
// Usage: tsx bench/health-poller.ts <baseUrl> [path] [cookie]  (default path /api/health)
import { Agent, request } from 'node:http';

const [baseUrl, path = '/api/health', cookie] = process.argv.slice(2);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const latencies: number[] = [];
let failures = 0;
let stopping = false;
process.stdin.on('end', () => {
  stopping = true;
});
process.stdin.resume();

function health(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(`${baseUrl}${path}`, { agent, headers: cookie ? { cookie } : {} }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(String(res.statusCode)))));
    });
    req.on('error', reject);
    req.end();
  });
}

while (!stopping) {
  const sent = performance.now();
  try {
    latencies.push(await health());
  } catch {
    failures++;
  }
  const wait = 50 - (performance.now() - sent);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
console.log(
  JSON.stringify({ requests: latencies.length, failures, p50: pct(50), p99: pct(99), max: latencies[latencies.length - 1] ?? 0 }),
);
agent.destroy();
