// Which process does which work. Every app instance (process) has a random id, and background
// work (import jobs, evaluation runs) records the id of the instance doing it. On PostgreSQL the
// instance holds a session advisory lock on its id, on a connection of its own, for its whole life:
// the lock dies with the process (kill -9 included), so running work whose owner's lock can be taken
// belongs to no live process and is marked interrupted at once, at start and then every minute.
// On PGlite only one process can open the data directory, and the lock test always succeeds: at
// start, all running work not this instance's own is interrupted.
import { randomInt } from 'node:crypto';
import { and, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database, DbOrTx } from '../db/database.js';

/** Advisory-lock keys of instances: this base plus the instance id (far from the migration lock's key). */
export const INSTANCE_LOCK_BASE = 7_306_000_000_000;

/** Marks the running work of instances no live process holds as interrupted; returns how many. */
export type Sweeper = (db: DbOrTx, instanceId: number) => Promise<number>;

export interface Instance {
  /** Recorded as the owner of the work this process runs. */
  id: number;
  /** Runs every sweeper once (also done at start). */
  sweep(): Promise<void>;
  /** Stops the periodic sweep and lets go of the lock (the work of this instance is then orphaned). */
  release(): Promise<void>;
}

export async function startInstance(database: Database, sweepers: Sweeper[], { sweepEveryMs = 60_000 } = {}): Promise<Instance> {
  const id = randomInt(1, 2 ** 31 - 1);
  let letGo = () => {};
  const released = new Promise<void>((resolve) => {
    letGo = resolve;
  });
  let locked = () => {};
  const holding = new Promise<void>((resolve) => {
    locked = resolve;
  });
  // withAdvisoryLock keeps one connection (and the lock on it) until its function returns.
  const held = database.withAdvisoryLock(INSTANCE_LOCK_BASE + id, async () => {
    locked();
    await released;
  });
  await Promise.race([holding, held]);
  const sweep = async () => {
    for (const s of sweepers) await s(database.db, id);
  };
  await sweep();
  // PGlite: no other process can start work in this data directory while this one runs.
  const timer = database.kind === 'postgres' ? setInterval(() => sweep().catch(() => {}), sweepEveryMs) : undefined;
  timer?.unref();
  return {
    id,
    sweep,
    release: async () => {
      clearInterval(timer);
      letGo();
      await held.catch(() => {});
    },
  };
}

/**
 * SQL (for a repository's `where`) that is true when no live instance holds the lock of the owner
 * in `column`: the lock is taken and given back at once (pg_try_advisory_lock fails while the owner lives).
 */
function ownerGoneSql(column: string): string {
  const key = `(${INSTANCE_LOCK_BASE}::bigint + ${column})`;
  return `(${column} is null or (case when pg_try_advisory_lock(${key}) then pg_advisory_unlock(${key}) else false end))`;
}

/** Work that is queued or running for an instance other than this one, whose owner no live process holds. */
export function orphanedWork(status: PgColumn, owner: PgColumn, instanceId: number): SQL {
  return and(
    sql`${status} in ('queued', 'running')`,
    sql`${owner} is distinct from ${instanceId}`,
    sql.raw(ownerGoneSql(`"${owner.name}"`)),
  ) as SQL;
}
