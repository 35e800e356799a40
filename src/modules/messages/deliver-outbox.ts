import type { AppContext } from '../../server/context.js';
import { CHANNEL_LABELS, type ChannelName, channelsFromConfig, type DeliveryChannel, type OutboxPayload } from './channels.js';
import { channelNotConfigured, deliveryFailed } from './messages.errors.js';
import { claimDueOutbox, recordAttemptFailed, recordDelivered } from './messages.repo.js';

/** Attempts per delivery before it is failed for good (about 2 days of backoff). */
export const OUTBOX_MAX_ATTEMPTS = 10;
/** How long a deliverer holds what it took: a deliverer that dies leaves it due again then. */
export const OUTBOX_CLAIM_SECONDS = 120;

/** Waits after the n-th failed attempt: 30 s, 1 min, 2 min … at most 6 h. */
export function outboxBackoffSeconds(attempt: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempt - 1), 6 * 3600);
}

export interface DeliverResult {
  claimed: number;
  delivered: number;
  retrying: number;
  failed: number;
}

// One set of adapters per configuration (an SMTP transport keeps its pool between runs).
const adapters = new WeakMap<object, Map<ChannelName, DeliveryChannel>>();
function channelsOf(ctx: AppContext): Map<ChannelName, DeliveryChannel> {
  let channels = adapters.get(ctx.config);
  if (!channels) {
    channels = channelsFromConfig(ctx.config);
    adapters.set(ctx.config, channels);
  }
  return channels;
}

/** Closes the adapters of this configuration (SMTP connections), e.g. when a process stops. */
export async function closeOutboxChannels(ctx: AppContext): Promise<void> {
  const channels = adapters.get(ctx.config);
  adapters.delete(ctx.config);
  for (const c of channels?.values() ?? []) await c.close?.();
}

function reason(error: unknown): string {
  const e = error as { message?: string; code?: string; responseCode?: number };
  const text = [e.responseCode, e.code, e.message].filter((p) => p !== undefined && p !== '').join(' ');
  return (text || String(error)).slice(0, 500);
}

/**
 * Delivers the outbox rows that are due (at least once: a row is recorded delivered only after its
 * channel accepted it; a failure is retried with backoff, and after OUTBOX_MAX_ATTEMPTS it is failed).
 */
export async function deliverOutbox(
  ctx: AppContext,
  {
    now = new Date(),
    limit = 100,
    channels = channelsOf(ctx),
  }: { now?: Date; limit?: number; channels?: Map<ChannelName, DeliveryChannel> } = {},
): Promise<DeliverResult> {
  const claimed = await claimDueOutbox(ctx.db, [...channels.keys()], now, new Date(now.getTime() + OUTBOX_CLAIM_SECONDS * 1000), limit);
  const result: DeliverResult = { claimed: claimed.length, delivered: 0, retrying: 0, failed: 0 };
  for (const row of claimed) {
    const name = row.channel as ChannelName;
    const channel = channels.get(name);
    const label = CHANNEL_LABELS[name] ?? row.channel;
    try {
      if (!channel) throw channelNotConfigured(label);
      await channel.deliver({
        id: row.id,
        messageId: row.messageId,
        address: row.address,
        payload: row.payload as OutboxPayload,
        attempt: row.attempts,
      });
      await recordDelivered(ctx.db, row.id, new Date());
      result.delivered++;
    } catch (error) {
      const message =
        error instanceof Error && 'code' in error && String(error.code).startsWith('OUTBOX_')
          ? error.message
          : deliveryFailed(label, reason(error)).message;
      const retryAt = row.attempts >= OUTBOX_MAX_ATTEMPTS ? null : new Date(now.getTime() + outboxBackoffSeconds(row.attempts) * 1000);
      await recordAttemptFailed(ctx.db, row.id, message, retryAt);
      if (retryAt) result.retrying++;
      else result.failed++;
    }
  }
  return result;
}
