import type { DbOrTx } from '../../db/database.js';
import { outboxBacklog } from './messages.repo.js';

/** The outbox's backlog for /metrics and readiness: deliveries waiting, failed for good, and the age of the oldest waiting. */
export function outboxMetrics(db: DbOrTx): Promise<{ pending: number; failed: number; oldestPendingSeconds: number }> {
  return outboxBacklog(db, new Date());
}
