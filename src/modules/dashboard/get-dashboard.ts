import { BREAKDOWN_FIGURES, type BreakdownFigureKey } from '../../domain/dashboard/cockpit-figures.js';
import { todayInShanghai } from '../../domain/dates.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { readerFor } from '../../server/read-replica.js';
import { tallyRegistry } from '../enterprises/registry-figures.repo.js';
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
  // From the tallies the triggers keep: a count over a million enterprises took seconds.
  const counts = await tallyRegistry(db, scope.code ?? undefined, asOf);
  // Label and list filters from the one table of cockpit figures the breakdowns use too.
  const figure = (key: BreakdownFigureKey, value: number): DashboardFigure => ({
    key,
    label: BREAKDOWN_FIGURES[key].label,
    value,
    rowsUrl: enterpriseRowsUrl(scope.code, BREAKDOWN_FIGURES[key].filter),
  });
  const figures = [
    figure('enterprises.total', counts.total),
    figure('titles.innovative', counts.titles.innovative),
    figure('titles.srdi', counts.titles.srdi),
    figure('titles.little_giant', counts.titles.little_giant),
  ];
  return { asOf, scope, figures };
}
