import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repos take either, so that a use case can run them inside its transaction. */
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';
export type PreparedParam = string | number | null;

/**
 * A parameter as an SQL literal, for PGlite's EXECUTE (its API binds parameters only to unnamed
 * statements). Safe because standard_conforming_strings is on (the default since PostgreSQL 9.1):
 * inside '…' only the quote itself is special.
 */
function sqlLiteral(value: PreparedParam): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('non-finite number parameter');
    return String(value);
  }
  if (value.includes('\0')) throw new Error('NUL in text parameter');
  return `'${value.replaceAll("'", "''")}'`;
}

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Runs one parameterised statement and returns its rows (bulk paths, health checks). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs a statement prepared once per connection under `name` and reused: for the few
   * queries on every request's path, where parsing and planning cost more than running.
   */
  queryPrepared<T = Record<string, unknown>>(name: string, text: string, params: PreparedParam[]): Promise<T[]>;
  /** Runs fn while holding a PostgreSQL session advisory lock (one process at a time). */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /**
   * Refreshes planner statistics and the visibility map after a bulk write (PGlite has no autovacuum,
   * and on PostgreSQL it comes later), so that list totals stay index-only scans.
   */
  maintain(tables: string[], options?: { vacuum?: boolean }): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (test templates, backups). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data directory; undefined = in memory. */
  dataDir?: string;
  /** A PGlite data-dir dump to start from (test template). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client losing its connection must not crash the process.
    pool.on('error', () => {});
    await pool.query('select 1');
    return {
      db: drizzleNodePg(pool, { schema }) as unknown as Db,
      kind: 'postgres',
      query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
      queryPrepared: async (name, text, params) => (await pool.query({ name, text, values: params })).rows,
      withAdvisoryLock: async (key, fn) => {
        // A session lock belongs to one connection: hold that connection until unlocked.
        const client = await pool.connect();
        // Held for long (an instance's whole life): a connection lost meanwhile (the server restarted, an
        // administrator ended it) emits 'error' on a client the pool does not watch; unhandled, it ends the process.
        let lost: Error | undefined;
        const onError = (error: Error) => {
          lost = error;
        };
        client.on('error', onError);
        try {
          await client.query('select pg_advisory_lock($1)', [key]);
          return await fn();
        } finally {
          if (!lost) await client.query('select pg_advisory_unlock($1)', [key]).catch(() => {});
          client.off('error', onError);
          // A broken connection is closed, not handed back to the pool.
          client.release(lost);
        }
      },
      // PostgreSQL's autovacuum sets the visibility map soon enough after everyday writes.
      maintain: async (tables, { vacuum = true } = {}) => {
        for (const t of tables) await pool.query(`${vacuum ? 'vacuum analyze' : 'analyze'} "${t.replaceAll('"', '')}"`);
      },
      close: () => pool.end(),
    };
  }
  let dataDir: string | undefined;
  let lock: DataDirLock | undefined;
  if (options.dataDir) {
    // The one door to a data directory: a second process must refuse, not silently diverge.
    lock = acquireDataDirLock(options.dataDir);
    dataDir = path.join(options.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
  }
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir, loadDataDir: options.loadDataDir });
  } catch (error) {
    lock?.release();
    throw error;
  }
  // The PREPARE of each name, shared: requests that arrive together on a fresh process must not
  // both prepare it ("prepared statement … already exists" was a 500 on the first parallel requests).
  const prepared = new Map<string, Promise<unknown>>();
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    query: async (text, params) => (await client.query(text, params)).rows as never,
    queryPrepared: async (name, text, params) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad prepared statement name ${name}`);
      let preparing = prepared.get(name);
      if (!preparing) {
        preparing = client.exec(`PREPARE ${name} AS ${text}`);
        prepared.set(name, preparing);
        preparing.catch(() => prepared.delete(name));
      }
      await preparing;
      const args = params.length ? `(${params.map(sqlLiteral).join(', ')})` : '';
      return (await client.query(`EXECUTE ${name}${args}`)).rows as never;
    },
    // One embedded database has one process: nothing to lock against.
    withAdvisoryLock: (_key, fn) => fn(),
    dumpDataDir: () => client.dumpDataDir('none'),
    maintain: async (tables, { vacuum = true } = {}) => {
      for (const t of tables) await client.exec(`${vacuum ? 'vacuum analyze' : 'analyze'} "${t.replaceAll('"', '')}"`);
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
