// GET /api/ready: whether this process can do its work now — the database (and a read replica,
// when one is configured) and the job queue answer. A load balancer takes a process that is not
// ready out of rotation; liveness stays GET /api/health. A stuck database answers 503 after a
// short wait, never a hanging request. Unauthenticated and without data: states and Chinese reasons only.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database, Db } from '../db/database.js';
import { databaseHeld } from './responsive.js';

export const READY_TIMEOUT_MS = 2_000;

type Probe = 'ok' | 'failed' | 'timeout';

export interface ReadinessSources {
  /** A cheap query on the job queue's tables; without one the queue is 'not_configured'. */
  queue?: (db: Db) => Promise<unknown>;
  /** The read replica (DATABASE_READ_URL); a replica that does not answer leaves the process ready: its reads go to the primary. */
  replica?: Database;
}

export interface Readiness {
  status: 'ready' | 'not_ready';
  database: Probe;
  replica: Probe | 'not_configured';
  queue: Probe | 'not_configured';
  /** PGlite only: this process's own long transaction holds the embedded database; it is alive and working. */
  busy?: boolean;
  /** When not ready: what a person should know, in Chinese, per part that did not answer. */
  reasons?: { database?: string; replica?: string; queue?: string };
  message?: string;
}

const LABELS = { database: '数据库', replica: '只读副本数据库', queue: '任务队列' } as const;

function reason(part: keyof typeof LABELS, probe: Probe, timeoutMs: number): string {
  return probe === 'timeout' ? `${LABELS[part]}在 ${timeoutMs / 1000} 秒内未响应` : `${LABELS[part]}无法访问`;
}

async function probe(work: () => Promise<unknown>, timeoutMs: number, onError: (error: unknown) => void): Promise<Probe> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Probe>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const answer = work().then(
    (): Probe => 'ok',
    (error): Probe => {
      onError(error);
      return 'failed';
    },
  );
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}

export function readinessCheck(
  database: Database,
  sources: ReadinessSources,
  { timeoutMs = READY_TIMEOUT_MS, onError = () => {} }: { timeoutMs?: number; onError?: (part: string, error: unknown) => void } = {},
): () => Promise<Readiness> {
  return async () => {
    // The import's all-or-nothing commit holds PGlite's one connection: a probe would only wait for it.
    if (database.kind === 'pglite' && databaseHeld()) {
      return { status: 'ready', database: 'ok', replica: 'not_configured', queue: sources.queue ? 'ok' : 'not_configured', busy: true };
    }
    // The queue's probe needs the database too: run both at once, within one wait.
    const queueProbe = sources.queue;
    const replicaDatabase = sources.replica;
    const [db, queue, replica] = await Promise.all([
      probe(
        () => database.query('select 1'),
        timeoutMs,
        (e) => onError('database', e),
      ),
      queueProbe
        ? probe(
            () => queueProbe(database.db),
            timeoutMs,
            (e) => onError('queue', e),
          )
        : ('not_configured' as const),
      replicaDatabase
        ? probe(
            () => replicaDatabase.query('select 1'),
            timeoutMs,
            (e) => onError('replica', e),
          )
        : ('not_configured' as const),
    ]);
    const replicaReason =
      replica === 'failed' || replica === 'timeout' ? { replica: `${reason('replica', replica, timeoutMs)}，读取改由主库承担` } : {};
    if (db === 'ok' && queue !== 'failed' && queue !== 'timeout') {
      return { status: 'ready', database: db, replica, queue, ...(replicaReason.replica ? { reasons: replicaReason } : {}) };
    }
    const reasons: Readiness['reasons'] = { ...replicaReason };
    if (db !== 'ok') reasons.database = reason('database', db, timeoutMs);
    if (queue === 'failed' || queue === 'timeout') reasons.queue = reason('queue', queue, timeoutMs);
    return {
      status: 'not_ready',
      database: db,
      replica,
      queue,
      reasons,
      message: `服务暂未就绪：${Object.values(reasons).join('；')}`,
    };
  };
}

const probeState = z.enum(['ok', 'failed', 'timeout']);

export function registerReadiness(app: FastifyInstance, database: Database, sources: Partial<ReadinessSources> = {}): void {
  const check = readinessCheck(database, sources, {
    onError: (part, error) => app.log.warn({ err: error, part }, 'readiness: a probe failed'),
  });
  const body = z.object({
    status: z.enum(['ready', 'not_ready']),
    database: probeState,
    replica: z.enum(['ok', 'failed', 'timeout', 'not_configured']),
    queue: z.enum(['ok', 'failed', 'timeout', 'not_configured']),
    busy: z.boolean().optional().describe('内置数据库正忙于本进程的长事务（如大批量导入提交），本进程仍在工作'),
    reasons: z.object({ database: z.string().optional(), replica: z.string().optional(), queue: z.string().optional() }).optional(),
    message: z.string().optional(),
  });
  app.get(
    '/api/ready',
    {
      schema: {
        tags: ['系统'],
        summary: '就绪检查：数据库（及只读副本）和任务队列是否可用；未就绪时 503',
        response: { 200: body, 503: body },
      },
    },
    async (_request, reply) => {
      const readiness = await check();
      return reply.code(readiness.status === 'ready' ? 200 : 503).send(readiness);
    },
  );
}
