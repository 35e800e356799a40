// A worker process for the queue's multi-process tests and benchmark: opens DATABASE_URL, runs the
// job kind `test.echo` (prints "ran <id>" once per run, so that the parent counts side effects) until
// SIGTERM. Usage: node --import tsx test/support/queue-worker.ts <concurrency> <sleepMs> (QUEUE_POLL_MS, QUEUE_LEASE_S)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { openDatabase } from '../../src/db/database.js';
import { loadConfig } from '../../src/server/config.js';
import { startInstance } from '../../src/server/instance.js';
import { defineJob, startWorker } from '../../src/server/queue.js';

export const ECHO_JOB = defineJob({
  kind: 'test.echo',
  label: '测试任务',
  /** sleepMs: the first attempt takes that long (the lease benchmark kills the process meanwhile). */
  payload: z.object({ n: z.number(), sleepMs: z.number().optional() }),
  concurrency: Number(process.argv[2] ?? 4),
  leaseSeconds: Number(process.env.QUEUE_LEASE_S ?? 30),
  async run(job) {
    // How many run at once: printed as "max N" at SIGTERM (the parent checks the concurrency limit).
    maxRunning = Math.max(maxRunning, ++running);
    try {
      const ms = job.attempt === 1 && job.payload.sleepMs ? job.payload.sleepMs : Number(process.argv[3] ?? 0);
      if (ms) await new Promise((resolve) => setTimeout(resolve, ms));
      process.stdout.write(`ran ${job.id}\n`);
      return { n: job.payload.n };
    } finally {
      running--;
    }
  },
});
let running = 0;
let maxRunning = 0;

async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 4 });
  const instance = await startInstance(database, []);
  const worker = startWorker({ database, db: database.db, config, instanceId: instance.id }, [ECHO_JOB], [], {
    instanceId: instance.id,
    pollMs: Number(process.env.QUEUE_POLL_MS ?? 200),
  });
  process.once('SIGTERM', async () => {
    process.stdout.write(`max ${maxRunning}\n`);
    await worker.stop();
    await instance.release();
    await database.close();
    process.exit(0);
  });
  process.stdout.write(`worker ${instance.id} ready\n`);
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) main();
