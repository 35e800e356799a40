import { describe, expect, it } from 'vitest';
import { addressEntryProblem, addressMatcher } from './address-list.js';
import { loadConfig } from './config.js';

describe('address lists (ZJTX_METRICS_ALLOW, trusted proxies)', () => {
  it('matches addresses, CIDRs and the named networks, IPv4 and IPv6', () => {
    const allowed = addressMatcher(['loopback', '10.20.0.0/16', '192.0.2.5', 'fd00::/8']);
    for (const a of ['127.0.0.1', '127.9.9.9', '::1', '::ffff:127.0.0.1', '10.20.255.1', '192.0.2.5', 'fd12::1']) {
      expect(allowed(a), a).toBe(true);
    }
    for (const a of ['10.21.0.1', '192.0.2.6', '203.0.113.1', '::2', 'fe80::1', '', undefined, 'localhost', '127.0.0.1.evil']) {
      expect(allowed(a), String(a)).toBe(false);
    }
    expect(addressMatcher(['uniquelocal'])('172.20.1.1')).toBe(true);
    expect(addressMatcher(['linklocal'])('169.254.3.4')).toBe(true);
    expect(addressMatcher([])('127.0.0.1')).toBe(false);
  });

  it('names what is wrong with an entry', () => {
    expect(addressEntryProblem('10.0.0.0/8')).toBeUndefined();
    expect(addressEntryProblem('::1')).toBeUndefined();
    expect(addressEntryProblem('10.0.0.0/33')).toMatch(/前缀长度无效/);
    expect(addressEntryProblem('10.0.0.0/x')).toMatch(/前缀长度无效/);
    expect(addressEntryProblem('example.org')).toMatch(/不是 IP 地址或网段/);
    expect(addressEntryProblem('10.0.0.1/8/8')).toMatch(/不是 IP 地址或网段/);
  });

  it('reads ZJTX_METRICS_ALLOW (loopback by default) and LOG_LEVEL, refusing bad values in Chinese', () => {
    expect(loadConfig({}).metricsAllow).toEqual(['loopback']);
    expect(loadConfig({ ZJTX_METRICS_ALLOW: ' 10.0.0.0/8, 192.0.2.7 ' }).metricsAllow).toEqual(['10.0.0.0/8', '192.0.2.7']);
    expect(() => loadConfig({ ZJTX_METRICS_ALLOW: '10.0.0.0/8,prometheus.local' })).toThrow(
      /环境变量 ZJTX_METRICS_ALLOW 有误：“prometheus.local”不是 IP 地址或网段/,
    );
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'WARN' }).logLevel).toBe('warn');
    expect(loadConfig({ LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/环境变量 LOG_LEVEL 只能是/);
  });
});
