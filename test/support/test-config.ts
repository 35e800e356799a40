import { type Config, loadConfig } from '../../src/server/config.js';

/** The configuration the tests run with: defaults, no data dir, generous login rate limit. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), dataDir: '/nonexistent', loginRateLimitPerMinute: 1000, ...overrides };
}

/** Set by .ci/run (and by a developer with a local server): the integration tests then run on PostgreSQL too. */
export const postgresAdminUrl = process.env.ZJTX_TEST_DATABASE_URL;

export type DatabaseKind = 'pglite' | 'postgres';
export const DATABASE_KINDS: DatabaseKind[] = postgresAdminUrl ? ['pglite', 'postgres'] : ['pglite'];

/**
 * On PostgreSQL the app runs as this role, which owns nothing and has only the grants the owner gives it
 * (as in production); tables belong to the server URL's role. Created by global setup (and by .ci/run).
 */
export const postgresAppRole = process.env.ZJTX_TEST_APP_ROLE ?? 'zjtx_test_app';
const postgresAppPassword = 'zjtx-test-app';

/** The same server and database as `url`, connected as the application role. */
export function asAppRole(url: string): string {
  const u = new URL(url);
  u.username = postgresAppRole;
  u.password = postgresAppPassword;
  return u.toString();
}

/** Creates the application role if the server has none (idempotent; runs as the server URL's role). */
export const createAppRoleSql = `DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${postgresAppRole}') THEN
    CREATE ROLE "${postgresAppRole}" LOGIN PASSWORD '${postgresAppPassword}';
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$`;
