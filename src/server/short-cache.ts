/**
 * A value read from the database and kept in this process for `ttlMs`, per database handle (the key:
 * a transaction's handle is new each time, so reads inside a transaction never use it). For the few
 * rarely changed rows on a hot path (settings, the working-day calendar): a write in this process
 * clears it; other processes see the change within `ttlMs`.
 */
export function shortCache<T>(ttlMs: number) {
  const entries = new WeakMap<object, { at: number; value: Promise<T> }>();
  return {
    get(key: object, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && performance.now() - hit.at < ttlMs) return hit.value;
      const value = load();
      entries.set(key, { at: performance.now(), value });
      // A failed read is not kept.
      value.catch(() => entries.delete(key));
      return value;
    },
    clear(key: object): void {
      entries.delete(key);
    },
  };
}
