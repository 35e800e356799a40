import { z } from 'zod';
import type { DbOrTx } from '../../db/database.js';
import type { AppContext } from '../../server/context.js';
import { defineJob, defineSchedule, enqueue } from '../../server/queue.js';
import { deliverOutbox } from './deliver-outbox.js';
import { pruneOutbox } from './prune-outbox.js';

/** Deliveries taken per round; a run goes on while rounds come back full. */
const BATCH = 100;
const MAX_ROUNDS = 50;

/** Delivers what the outbox holds that is due (every minute, and right after messages went out). */
export const OUTBOX_DELIVER_JOB = defineJob({
  kind: 'outbox.deliver',
  label: '发送站外消息',
  payload: z.object({ slot: z.string().min(1).max(40) }),
  leaseSeconds: 120,
  // The next minute's run retries what failed (each delivery has its own backoff).
  maxAttempts: 1,
  async run(job) {
    const total = { claimed: 0, delivered: 0, retrying: 0, failed: 0 };
    for (let round = 0; round < MAX_ROUNDS && !job.signal.aborted; round++) {
      const r = await deliverOutbox(job.ctx, { limit: BATCH });
      total.claimed += r.claimed;
      total.delivered += r.delivered;
      total.retrying += r.retrying;
      total.failed += r.failed;
      job.progress('deliver', total.claimed);
      if (r.claimed < BATCH) break;
    }
    return total;
  },
});

/** A step of the daily sweep (sweeps.ts): deliveries recorded more than 30 days ago go. */
export const OUTBOX_PRUNE_STEP = { name: 'outbox-prune', run: (ctx: AppContext) => pruneOutbox(ctx).then(() => {}) };

export const OUTBOX_DELIVER_SCHEDULE = defineSchedule({
  name: 'outbox.deliver',
  label: '发送站外消息',
  cron: '* * * * *',
  job: OUTBOX_DELIVER_JOB,
});

/** Sends within one window share one delivery run, which starts when the window ends. */
const SEND_WINDOW_MS = 2_000;

/**
 * Right after a send (in its transaction): one delivery run per 2-second window, starting at the
 * window's end, so that it finds every send of the window committed; the schedule catches the rest.
 */
export async function enqueueOutboxDelivery(tx: DbOrTx, now = new Date()): Promise<void> {
  const window = Math.floor(now.getTime() / SEND_WINDOW_MS);
  await enqueue(
    tx,
    OUTBOX_DELIVER_JOB,
    { slot: `send:${window}` },
    { dedupeKey: `outbox.deliver:send:${window}`, runAt: new Date((window + 1) * SEND_WINDOW_MS) },
  );
}
