import { AppError } from '../../server/errors.js';

/** The outbox's delivery errors, as stored on the row (last_error) and shown to administrators. */
export const deliveryFailed = (channel: string, reason: string) =>
  new AppError('OUTBOX_DELIVERY_FAILED', 502, `消息经${channel}发送失败：${reason}`);
export const channelNotConfigured = (channel: string) =>
  new AppError('OUTBOX_CHANNEL_NOT_CONFIGURED', 503, `发送渠道${channel}未配置，消息暂存待发`);
