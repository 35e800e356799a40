// Heavy work on PGlite: its SQL runs synchronously on this thread, and an await on it resolves as a
// microtask, so a loop of statements never lets the event loop read a socket. Long work calls
// breather() between chunks (of ~500-2,000 rows) so that other requests are served in between.

/** Lets pending I/O (other requests) run before the caller continues. */
export const breather = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

let holders = 0;

/**
 * Runs long work that holds the embedded database (a transaction of many statements, such as an
 * import's all-or-nothing commit). Meanwhile the health check answers "ok, busy" at once: its probe
 * would only wait for the whole transaction.
 */
export async function holdingDatabase<T>(work: () => Promise<T>): Promise<T> {
  holders++;
  try {
    return await work();
  } finally {
    holders--;
  }
}

/** Whether long work in this process holds the embedded database right now. */
export const databaseHeld = (): boolean => holders > 0;
