// GET /metrics in Prometheus' text format (prom-client), for addresses in ZJTX_METRICS_ALLOW only
// (loopback by default; everyone else is told the path does not exist). Labels are bounded: a
// route's pattern (/api/enterprises/:id), never its URL; an error's code, never its message.
// The queue and outbox figures are read from the database at scrape time.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/database.js';
import { addressMatcher } from './address-list.js';

/** Figures read from the database when Prometheus scrapes (the queue's and the outbox's own functions). */
export interface ScrapeSources {
  queue?: (db: Db) => Promise<{
    waiting: Record<string, number>;
    running: number;
    failed: number;
    oldestWaitingSeconds: number;
    scheduleRuns: Record<string, number>;
  }>;
  outbox?: (db: Db) => Promise<{ pending: number; failed: number; oldestPendingSeconds: number }>;
}

/** A scrape must not hang on a stuck database: its sources give up after this long (and say so in zjtx_scrape_source_up). */
const SOURCE_TIMEOUT_MS = 2_000;

/** Process figures (memory, CPU, event loop, GC) are per process, not per app: one registry, created on first use. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'zjtx_' });
  }
  return processRegistry;
}

/** Per app: how the answers Fastify's router gives itself (no hook runs for them) are counted. */
const answeredByRouter = new WeakMap<FastifyInstance, (request: FastifyRequest, status: number, code: string) => void>();

/** Counts an answer given before any hook (frameworkErrors: a malformed URL). */
export function countRouterAnswer(request: FastifyRequest, status: number, code: string): void {
  answeredByRouter.get(request.server)?.(request, status, code);
}

/** The code of an error body ({"code":"…",…}) as the error handler and the routes send it. */
const ERROR_CODE = /^\{"code":"([A-Z][A-Z0-9_]{0,63})"/;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export interface MetricsOptions {
  db: Db;
  allow: readonly string[];
  sources: ScrapeSources;
}

export function registerMetrics(app: FastifyInstance, { db, allow, sources }: MetricsOptions): void {
  const registry = new Registry();
  const duration = new Histogram({
    name: 'zjtx_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern, method and status',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'zjtx_http_errors_total',
    help: 'Error responses (4xx and 5xx) by error code and status',
    labelNames: ['code', 'status_code'],
    registers: [registry],
  });

  const sourceUp = new Gauge({
    name: 'zjtx_scrape_source_up',
    help: 'Whether a figure read at scrape time answered (1) or failed or timed out (0)',
    labelNames: ['source'],
    registers: [registry],
  });
  const queueWaiting = new Gauge({
    name: 'zjtx_jobs_waiting',
    help: 'Jobs waiting to run, by kind',
    labelNames: ['kind'],
    registers: [registry],
  });
  const queueRunning = new Gauge({ name: 'zjtx_jobs_running', help: 'Jobs running now', registers: [registry] });
  const queueFailed = new Gauge({ name: 'zjtx_jobs_failed', help: 'Jobs that ended failed', registers: [registry] });
  const queueOldest = new Gauge({
    name: 'zjtx_jobs_oldest_waiting_seconds',
    help: 'Age of the oldest job waiting to run (0 when none waits)',
    registers: [registry],
  });
  const scheduleRuns = new Gauge({
    name: 'zjtx_schedule_runs',
    help: 'Slots run per schedule',
    labelNames: ['schedule'],
    registers: [registry],
  });
  const outboxPending = new Gauge({ name: 'zjtx_outbox_pending', help: 'Outbox deliveries not yet made', registers: [registry] });
  const outboxFailed = new Gauge({ name: 'zjtx_outbox_failed', help: 'Outbox deliveries that gave up', registers: [registry] });
  const outboxOldest = new Gauge({
    name: 'zjtx_outbox_oldest_pending_seconds',
    help: 'Age of the oldest pending outbox delivery (0 when none)',
    registers: [registry],
  });

  async function readSources(): Promise<void> {
    const reads: Promise<void>[] = [];
    if (sources.queue) {
      const queue = sources.queue;
      reads.push(
        withTimeout(queue(db), SOURCE_TIMEOUT_MS).then(
          (m) => {
            queueWaiting.reset();
            for (const [kind, n] of Object.entries(m.waiting)) queueWaiting.set({ kind }, n);
            queueRunning.set(m.running);
            queueFailed.set(m.failed);
            queueOldest.set(m.oldestWaitingSeconds);
            scheduleRuns.reset();
            for (const [schedule, n] of Object.entries(m.scheduleRuns)) scheduleRuns.set({ schedule }, n);
            sourceUp.set({ source: 'queue' }, 1);
          },
          (error) => {
            app.log.warn({ err: error }, 'metrics: queue figures unavailable');
            sourceUp.set({ source: 'queue' }, 0);
          },
        ),
      );
    }
    if (sources.outbox) {
      const outbox = sources.outbox;
      reads.push(
        withTimeout(outbox(db), SOURCE_TIMEOUT_MS).then(
          (m) => {
            outboxPending.set(m.pending);
            outboxFailed.set(m.failed);
            outboxOldest.set(m.oldestPendingSeconds);
            sourceUp.set({ source: 'outbox' }, 1);
          },
          (error) => {
            app.log.warn({ err: error }, 'metrics: outbox figures unavailable');
            sourceUp.set({ source: 'outbox' }, 0);
          },
        ),
      );
    }
    await Promise.all(reads);
  }

  answeredByRouter.set(app, (_request, status, code) => errors.inc({ code, status_code: String(status) }));
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode >= 400) {
      const code = (typeof payload === 'string' && ERROR_CODE.exec(payload)?.[1]) || 'UNKNOWN';
      errors.inc({ code, status_code: String(reply.statusCode) });
    }
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: routeLabel(request), status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const allowed = addressMatcher(allow);
  app.get('/metrics', { schema: { hide: true } }, async (request: FastifyRequest, reply: FastifyReply) => {
    if (!allowed(clientAddress(request))) {
      return reply.code(404).send({ code: 'ROUTE_NOT_FOUND', message: `接口不存在：${request.method} /metrics` });
    }
    await readSources();
    const merged = Registry.merge([processMetrics(), registry]);
    return reply.type(merged.contentType).send(await merged.metrics());
  });
}

/**
 * The socket's address, or the client's behind a proxy listed in ZJTX_TRUST_PROXY (request.ip).
 * A request forwarded by a proxy that is not trusted has no known client: a proxy on this host
 * would otherwise make every outside visitor look like loopback.
 */
function clientAddress(request: FastifyRequest): string | undefined {
  const forwarded = request.headers['x-forwarded-for'] ?? request.headers.forwarded ?? request.headers['x-real-ip'];
  if (forwarded !== undefined && request.ip === request.socket.remoteAddress) return undefined;
  return request.ip;
}

/** The route's pattern; requests no route matched share one label (their URLs are unbounded). */
function routeLabel(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}
