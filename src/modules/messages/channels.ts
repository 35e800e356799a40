import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

/** The channels outside the platform that the outbox delivers through. */
export const CHANNEL_LABELS = { log: '日志文件', email: '电子邮件' } as const;
export type ChannelName = keyof typeof CHANNEL_LABELS;

/** What one outbox row carries to its channel. */
export interface OutboxPayload {
  category: string;
  categoryLabel: string;
  title: string;
  body: string;
  link: string | null;
  username: string;
  displayName: string;
  createdAt: string;
}

export interface Delivery {
  id: string;
  messageId: string;
  address: string;
  payload: OutboxPayload;
  attempt: number;
}

/** One channel: delivers or throws (the outbox retries). */
export interface DeliveryChannel {
  name: ChannelName;
  deliver(delivery: Delivery): Promise<void>;
  close?(): Promise<void>;
}

export interface ChannelSettings {
  outboxLogFile?: string;
  smtpUrl?: string;
  smtpFrom?: string;
}

/** The channels a configuration switches on: none unless ZJTX_OUTBOX_LOG or ZJTX_SMTP_URL is set. */
export function configuredChannelNames(settings: ChannelSettings): ChannelName[] {
  const names: ChannelName[] = [];
  if (settings.outboxLogFile) names.push('log');
  if (settings.smtpUrl && settings.smtpFrom) names.push('email');
  return names;
}

// The channels of this process, set when the app (or a worker) starts from its configuration:
// sendMessages takes only the transaction, and every process of one platform has the same settings.
let processChannels: ChannelName[] | undefined;

export function configureMessageChannels(config: ChannelSettings): void {
  processChannels = configuredChannelNames(config);
}

/** The channels new messages are queued for (before configureMessageChannels: from the environment). */
export function activeChannelNames(): ChannelName[] {
  return (
    processChannels ??
    configuredChannelNames({
      outboxLogFile: process.env.ZJTX_OUTBOX_LOG?.trim() || undefined,
      smtpUrl: process.env.ZJTX_SMTP_URL?.trim() || undefined,
      smtpFrom: process.env.ZJTX_SMTP_FROM?.trim() || undefined,
    })
  );
}

/** Appends one JSON line per delivery (a stand-in for SMS / 渝快政 push that operations can read). */
export function logFileChannel(file: string): DeliveryChannel {
  let dirReady: Promise<unknown> | undefined;
  return {
    name: 'log',
    async deliver(d) {
      dirReady ??= mkdir(path.dirname(file), { recursive: true });
      await dirReady;
      const line = {
        deliveredAt: new Date().toISOString(),
        outboxId: d.id,
        messageId: d.messageId,
        address: d.address,
        attempt: d.attempt,
        ...d.payload,
      };
      await appendFile(file, `${JSON.stringify(line)}\n`, 'utf8');
    },
  };
}

/** E-mail through an SMTP server (nodemailer), to users with an address. */
export function smtpChannel(url: string, from: string): DeliveryChannel {
  const transport = nodemailer.createTransport(url);
  return {
    name: 'email',
    async deliver(d) {
      const p = d.payload;
      const lines = [`${p.displayName}：`, '', p.body, ''];
      if (p.link) lines.push(`请登录平台查看：${p.link}`, '');
      lines.push(`——重庆市专精特新中小企业梯度培育平台（${p.categoryLabel}）`);
      await transport.sendMail({
        from,
        to: d.address,
        subject: p.title,
        text: lines.join('\n'),
        headers: { 'X-Zjtx-Outbox-Id': d.id },
      });
    },
    async close() {
      transport.close();
    },
  };
}

/** The adapters of a configuration, by name. */
export function channelsFromConfig(settings: ChannelSettings): Map<ChannelName, DeliveryChannel> {
  const channels = new Map<ChannelName, DeliveryChannel>();
  if (settings.outboxLogFile) channels.set('log', logFileChannel(settings.outboxLogFile));
  if (settings.smtpUrl && settings.smtpFrom) channels.set('email', smtpChannel(settings.smtpUrl, settings.smtpFrom));
  return channels;
}
