import { todayInShanghai } from '../../domain/dates.js';
import { TIER_LABELS } from '../../domain/enterprise-rules.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { readerFor } from '../../server/read-replica.js';
import { countRegistry } from '../enterprises/registry-figures.repo.js';
import type { DashboardFigure, DashboardQuery, DashboardResult } from './dashboard.schemas.js';
import { resolveDashboardScope } from './dashboard-scope.js';

/** The enterprise list with these filters (and the cockpit's place): the rows behind a registry figure. */
export function enterpriseRowsUrl(place: string | null, filters: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...(place ? { district: place } : {}), ...filters });
  const query = params.toString();
  return `/api/enterprises${query ? `?${query}` : ''}`;
}

/**
 * GET /api/dashboard: the cockpit's headline figures for the reader's scope, as of today, read from the
 * replica when there is one. Every figure names the list whose total it is.
 */
export async function getDashboard(ctx: AppContext, actor: Actor | null, query: DashboardQuery): Promise<DashboardResult> {
  const scope = await resolveDashboardScope(ctx, actor, query.district);
  const asOf = todayInShanghai();
  const db = await readerFor(ctx);
  // The place filters the rows; the city's scope is all (a district officer's place is its own district).
  const counts = await countRegistry(db, { kind: 'all' }, scope.code ?? undefined, asOf);
  const figures: DashboardFigure[] = [
    { key: 'enterprises.total', label: '在库企业', value: counts.total, rowsUrl: enterpriseRowsUrl(scope.code) },
    ...(['innovative', 'srdi', 'little_giant'] as const).map((tier) => ({
      key: `titles.${tier}`,
      label: `有效期内${TIER_LABELS[tier]}`,
      value: counts.titles[tier],
      rowsUrl: enterpriseRowsUrl(scope.code, { title: tier }),
    })),
  ];
  return { asOf, scope, figures };
}
