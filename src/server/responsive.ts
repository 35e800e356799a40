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

/**
 * A breather at most every `ms` of work: cheap enough to call before every statement of a long
 * loop (a breather per statement of a few rows costs more than the rows).
 */
export function pacer(ms = 50): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < ms) return;
    await breather();
    last = performance.now();
  };
}

/**
 * Splits `items` into chunks sized so that the caller's work on each (the statements it writes
 * them with) takes about `targetMs`, as measured on the chunks before, with a breather before each:
 * few statements, none holding the embedded database long.
 */
export async function* timedChunks<T>(
  items: readonly T[],
  { targetMs = 150, first = 500, min = 50, max = 10_000 }: { targetMs?: number; first?: number; min?: number; max?: number } = {},
): AsyncGenerator<T[]> {
  let size = first;
  for (let start = 0; start < items.length; ) {
    await breather();
    const part = items.slice(start, start + size);
    const t0 = performance.now();
    yield part;
    const perItem = (performance.now() - t0) / part.length;
    start += part.length;
    size = Math.max(min, Math.min(max, Math.round(targetMs / Math.max(perItem, 0.001))));
  }
}
