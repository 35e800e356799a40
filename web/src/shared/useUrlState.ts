import { useSearchParams } from 'react-router';

/** Filters, sort and page live in the URL, so a list can be bookmarked and shared. */
export function useUrlState<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])) as Record<K, string | undefined>;
  const set = (changes: Partial<Record<K, string | number | undefined | null>>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (resetPage && !('page' in changes)) next.delete('page');
    setParams(next);
  };
  return [values, set] as const;
}
