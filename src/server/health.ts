// The health check. PGlite runs inside this process and has one connection: while a long
// transaction holds it (an import's all-or-nothing commit), `select 1` waits for the whole
// transaction, though the process and its database are alive and working. So on PGlite a check
// that has not answered within a moment answers "ok, busy" from the process itself (the long work
// yields between its statements, so this handler runs); on PostgreSQL the query is the answer.
import type { Database } from '../db/database.js';
import { databaseHeld } from './responsive.js';

const PATIENCE_MS = 200;

export interface Health {
  status: 'ok';
  database: 'pglite' | 'postgres';
  /** PGlite only: the database is busy with a long transaction in this process. */
  busy?: boolean;
}

export function healthCheck(database: Database): () => Promise<Health> {
  // One probe at a time: checks during a long transaction share it instead of queueing behind it.
  let probe: Promise<unknown> | null = null;
  return async () => {
    // Known to be held by this process's own long transaction: the probe would only wait for it.
    if (database.kind === 'pglite' && databaseHeld()) return { status: 'ok', database: database.kind, busy: true };
    probe ??= database.query('select 1').finally(() => {
      probe = null;
    });
    if (database.kind === 'postgres') {
      await probe;
      return { status: 'ok', database: database.kind };
    }
    let timer: NodeJS.Timeout | undefined;
    const answered = await Promise.race([
      probe.then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), PATIENCE_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    return answered ? { status: 'ok', database: database.kind } : { status: 'ok', database: database.kind, busy: true };
  };
}
