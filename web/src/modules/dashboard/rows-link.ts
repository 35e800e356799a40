// Where a figure's rows are shown on screen. A figure names its rows by an API path (rowsUrl); the
// enterprise list page shows /api/enterprises with the filters it knows, the cockpit's rows page
// (/dashboard/rows) any other list the cockpit links to.

/** The filters the enterprise list page (/enterprises) reads from its URL. */
const ENTERPRISE_PAGE_FILTERS = new Set([
  'q',
  'district',
  'zone',
  'tier',
  'industry',
  'cluster',
  'size',
  'establishedFrom',
  'establishedTo',
]);

/** The API lists the rows page may show (an allow-list: the page fetches what its URL names). */
export const ROWS_SOURCES = ['/api/enterprises', '/api/dashboard/flows/rows'] as const;

/** The API path of a rows page's `src`, if it is one the page may fetch. */
export function rowsSource(src: string | undefined): { path: (typeof ROWS_SOURCES)[number]; params: URLSearchParams } | null {
  if (!src) return null;
  const [path, search = ''] = src.split('?', 2);
  const known = ROWS_SOURCES.find((p) => p === path);
  return known ? { path: known, params: new URLSearchParams(search) } : null;
}

/** The web page that lists the rows of `rowsUrl`. */
export function rowsLink(rowsUrl: string): string {
  const [path, search = ''] = rowsUrl.split('?', 2);
  const params = new URLSearchParams(search);
  if (path === '/api/enterprises' && [...params.keys()].every((k) => ENTERPRISE_PAGE_FILTERS.has(k))) {
    return `/enterprises${search ? `?${search}` : ''}`;
  }
  return `/dashboard/rows?${new URLSearchParams({ src: rowsUrl })}`;
}
