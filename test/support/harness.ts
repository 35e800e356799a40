import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-data.js';
import { type Database, openDatabase } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import type { Config } from '../../src/server/config.js';
import { withDatabaseName } from './postgres.js';
import { asAppRole, type DatabaseKind, postgresAdminUrl, testConfig } from './test-config.js';

export interface Harness {
  kind: DatabaseKind;
  /** The app's connection: on PostgreSQL a role that owns nothing (as in production). */
  database: Database;
  /** The tables' owner on the same database, for test set-ups the app may not do (on PGlite the same as database). */
  owner: Database;
  app: FastifyInstance;
  config: Config;
  /** Logs in and returns the Cookie header value. */
  login(username: string, password?: string): Promise<string>;
  /** One-row query helper for assertions. */
  count(sql: string, params?: unknown[]): Promise<number>;
  /** A second app on the same database, as a second process would be. */
  restartApp(): Promise<FastifyInstance>;
  close(): Promise<void>;
}

/** A fresh copy of the migrated demo database of that kind, and an app on it. */
export async function openTestDatabase(
  kind: DatabaseKind,
): Promise<{ database: Database; owner: Database; url?: string; ownerUrl?: string; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
    return { database, owner: database, drop: () => database.close() };
  }
  const template = inject('postgresTemplate');
  if (!postgresAdminUrl || !template) throw new Error('ZJTX_TEST_DATABASE_URL is not set');
  const name = `zjtx_test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ databaseUrl: postgresAdminUrl, poolSize: 1 });
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const ownerUrl = withDatabaseName(postgresAdminUrl, name);
  const url = asAppRole(ownerUrl);
  const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
  const owner = await openDatabase({ databaseUrl: ownerUrl, poolSize: 1 });
  return {
    database,
    owner,
    url,
    ownerUrl,
    drop: async () => {
      await database.close();
      await owner.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

export async function startHarness(
  kind: DatabaseKind,
  overrides: Partial<Config> = {},
  { webRoot }: { webRoot?: string } = {},
): Promise<Harness> {
  const { database, owner, drop } = await openTestDatabase(kind);
  const config = testConfig(overrides);
  const apps: FastifyInstance[] = [];
  const app = await buildApp({ database, config, webRoot });
  apps.push(app);
  return {
    kind,
    database,
    owner,
    app,
    config,
    async login(username, password = DEMO_PASSWORD) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'zjtx_session');
      if (!cookie) throw new Error('no session cookie');
      return `zjtx_session=${cookie.value}`;
    },
    async count(sql, params) {
      const rows = await database.query<{ n: number | string }>(sql, params);
      return Number(rows[0].n);
    },
    async restartApp() {
      const next = await buildApp({ database, config, webRoot });
      apps.push(next);
      return next;
    },
    async close() {
      for (const a of apps) await a.close();
      await drop();
    },
  };
}
