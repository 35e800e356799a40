import { type Config, loadConfig } from '../../src/server/config.js';

/** The configuration the tests run with: defaults, no data dir, generous login rate limit. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), dataDir: '/nonexistent', loginRateLimitPerMinute: 1000, ...overrides };
}

/** Set by .ci/run (and by a developer with a local server): the integration tests then run on PostgreSQL too. */
export const postgresAdminUrl = process.env.ZJTX_TEST_DATABASE_URL;

export type DatabaseKind = 'pglite' | 'postgres';
export const DATABASE_KINDS: DatabaseKind[] = postgresAdminUrl ? ['pglite', 'postgres'] : ['pglite'];
