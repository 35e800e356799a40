// The workbench tests' walk: from an item's web url to the list API its page calls.

/**
 * The API call the web page at `url` makes for its list (the same filters, as the page sends them):
 * 申报审核 sends overdue=1 as overdue=true and district as districtCode; 后备库 defaults to 专精特新;
 * 消息中心's view=unread is unread=true. Null for a page without a list total.
 */
export function listApiOf(url: string): string | null {
  const u = new URL(url, 'http://web');
  const p = u.searchParams;
  const q = new URLSearchParams();
  const copy = (from: string, to = from) => {
    const v = p.get(from);
    if (v) q.set(to, v);
  };
  switch (u.pathname) {
    case '/recognition/applications':
      copy('status');
      copy('district', 'districtCode');
      copy('objection');
      if (p.get('overdue') === '1') q.set('overdue', 'true');
      return `/api/recognition/applications?${q}`;
    case '/evaluations/pool':
      q.set('tier', p.get('tier') ?? 'srdi');
      copy('status');
      copy('district');
      return `/api/evaluations/pool?${q}`;
    case '/monitoring/chase':
      copy('period');
      copy('district');
      return `/api/monitoring/chase?${q}`;
    case '/monitoring/reports':
      copy('period');
      copy('status');
      copy('district');
      return `/api/monitoring/reports?${q}`;
    case '/enterprises':
      copy('titleExpiresBy');
      copy('district');
      return `/api/enterprises?${q}`;
    case '/recognition/annual-update':
      copy('status');
      return p.get('status') ? `/api/recognition/annual-updates?${q}` : null;
    case '/messages':
      if (p.get('view') === 'unread') q.set('unread', 'true');
      return `/api/messages?${q}`;
    default:
      return null;
  }
}
