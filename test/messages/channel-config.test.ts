import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredChannelNames } from '../../src/modules/messages/channels.js';
import { loadConfig } from '../../src/server/config.js';

describe('outbox channels from the environment', () => {
  it('none by default: the platform runs without any channel', () => {
    const config = loadConfig({});
    expect(configuredChannelNames(config)).toEqual([]);
  });

  it('the log file (resolved to an absolute path) and SMTP with its sender', () => {
    const config = loadConfig({
      ZJTX_OUTBOX_LOG: 'data/outbox.jsonl',
      ZJTX_SMTP_URL: 'smtp://u:p@mail.example.cn:587',
      ZJTX_SMTP_FROM: 'zjtx@example.cn',
    });
    expect(config.outboxLogFile).toBe(path.resolve('data/outbox.jsonl'));
    expect(configuredChannelNames(config)).toEqual(['log', 'email']);
  });

  it('refuses an SMTP URL that is not one, and SMTP without a sender, in Chinese', () => {
    expect(() => loadConfig({ ZJTX_SMTP_URL: 'http://mail.example.cn', ZJTX_SMTP_FROM: 'a@b.cn' })).toThrow(
      '环境变量 ZJTX_SMTP_URL 必须以 smtp:// 或 smtps:// 开头',
    );
    expect(() => loadConfig({ ZJTX_SMTP_URL: 'smtps://mail.example.cn' })).toThrow('还须用 ZJTX_SMTP_FROM 指定发件人地址');
  });
});
