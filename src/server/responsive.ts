// Heavy work on PGlite: its SQL runs synchronously on this thread, and an await on it resolves as a
// microtask, so a loop of statements never lets the event loop read a socket. Long work calls
// breather() between chunks (of ~500-2,000 rows) so that other requests are served in between.

/** Lets pending I/O (other requests) run before the caller continues. */
export const breather = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
