import { type Database, type Db, openDatabase } from '../db/database.js';
import type { AppContext } from './context.js';

/** A streaming replica and what this process last learnt of its lag. */
export interface ReadReplica {
  database: Database;
  maxLagSeconds: number;
  /** When the lag was last asked (performance.now()), its answer, and a question under way. */
  checkedAt: number;
  usable: boolean;
  lagSeconds: number | null;
  pending: Promise<boolean> | null;
  /** How many reads went to the replica and how many fell back to the primary (metrics, tests). */
  reads: { replica: number; primary: number };
}

/** The lag is asked at most once a second per process: the answer costs a round trip. */
const CHECK_EVERY_MS = 1000;

// 0 on a primary or a caught-up standby; else the age of the last transaction replayed. While a
// standby has received WAL it has not replayed, its data are as old as its last replayed commit.
const LAG_SQL = `select case
    when not pg_is_in_recovery() then 0
    when pg_last_wal_receive_lsn() is not distinct from pg_last_wal_replay_lsn() then 0
    else extract(epoch from now() - pg_last_xact_replay_timestamp())
  end::float8 as lag`;

export async function openReadReplica(url: string, maxLagSeconds: number): Promise<ReadReplica> {
  const database = await openDatabase({ databaseUrl: url });
  return {
    database,
    maxLagSeconds,
    checkedAt: Number.NEGATIVE_INFINITY,
    usable: false,
    lagSeconds: null,
    pending: null,
    reads: { replica: 0, primary: 0 },
  };
}

async function askLag(replica: ReadReplica): Promise<boolean> {
  try {
    const [row] = await replica.database.query<{ lag: number | null }>(LAG_SQL);
    replica.lagSeconds = row?.lag ?? null;
    replica.usable = replica.lagSeconds !== null && replica.lagSeconds <= replica.maxLagSeconds;
  } catch {
    // Unreachable: the primary answers instead until the next question.
    replica.lagSeconds = null;
    replica.usable = false;
  }
  replica.checkedAt = performance.now();
  return replica.usable;
}

async function replicaUsable(replica: ReadReplica): Promise<boolean> {
  if (performance.now() - replica.checkedAt < CHECK_EVERY_MS) return replica.usable;
  replica.pending ??= askLag(replica).finally(() => {
    replica.pending = null;
  });
  return replica.pending;
}

/**
 * The database to read figures from: the replica (DATABASE_READ_URL) when configured and its lag is
 * within the setting (ZJTX_READ_MAX_LAG_SECONDS), else the primary. Only for reads that may lag a few
 * seconds (cockpit, 通报 draft, figures, workbench counts); a read right after the user's own write
 * stays on ctx.db.
 */
export async function readerFor(ctx: AppContext): Promise<Db> {
  const replica = ctx.replica;
  if (replica && (await replicaUsable(replica))) {
    replica.reads.replica++;
    return replica.database.db;
  }
  if (replica) replica.reads.primary++;
  return ctx.db;
}
