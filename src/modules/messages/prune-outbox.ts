import type { AppContext } from '../../server/context.js';
import { deleteDeliveredOutbox } from './messages.repo.js';

/** Deliveries are kept this long after they were recorded (to answer "was it sent?"), then deleted. */
export const OUTBOX_KEEP_DAYS = 30;

/** The daily sweep's step: deletes deliveries recorded more than OUTBOX_KEEP_DAYS ago. */
export function pruneOutbox(ctx: AppContext, now = new Date()): Promise<number> {
  return deleteDeliveredOutbox(ctx.db, new Date(now.getTime() - OUTBOX_KEEP_DAYS * 86_400_000));
}
