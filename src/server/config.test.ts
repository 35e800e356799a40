import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration from the environment', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, dataDir: path.resolve('./data') });
  });
  it('reads PORT, HOST, DATABASE_URL and ZJTX_DATA_DIR', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: 'postgres://u@h/db', ZJTX_DATA_DIR: '/srv/zjtx' });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', databaseUrl: 'postgres://u@h/db', dataDir: '/srv/zjtx' });
  });
  it('explains a wrong value in Chinese', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT 必须是正整数/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
  });
  it('reads the tables owner for migrations apart from the application role', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://zjtx_app@h/db', ZJTX_MIGRATION_DATABASE_URL: 'postgres://zjtx_owner@h/db' });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://zjtx_app@h/db',
      migrationDatabaseUrl: 'postgres://zjtx_owner@h/db',
      appRole: undefined,
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://a@h/db', ZJTX_APP_ROLE: 'zjtx_app' }).appRole).toBe('zjtx_app');
    expect(() => loadConfig({ ZJTX_MIGRATION_DATABASE_URL: 'postgres://o@h/db' })).toThrow(/还须设置 DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://a@h/db', ZJTX_MIGRATION_DATABASE_URL: 'mysql://o' })).toThrow(
      /ZJTX_MIGRATION_DATABASE_URL 必须以/,
    );
  });
});
