import { formatPeriod, isFuturePeriod, parsePeriod } from '../../domain/monitoring/periods.js';
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { selectNonReporterPage } from './chasing.repo.js';
import { loadDueDates } from './load-due-date.js';
import { chasePeriodFuture } from './monitoring.errors.js';

/** 未报企业: the sample's enterprises of the officer's scope without a report of the month (or returned). */
export async function listNonReporters(
  ctx: AppContext,
  actor: Actor | null,
  query: { period: string; district?: string; page: number; pageSize: number },
) {
  const officer = requireAccess(actor, 'monitoring.chase.read');
  const period = parsePeriod(query.period);
  if (!period) throw notFound();
  if (isFuturePeriod(period)) throw chasePeriodFuture();
  const [page, due] = await Promise.all([
    selectNonReporterPage(ctx.db, scopeOf(officer), { ...period, district: query.district, page: query.page, pageSize: query.pageSize }),
    loadDueDates(ctx.db, [period]),
  ]);
  return {
    period: formatPeriod(period),
    dueOn: due.dueOn[0],
    items: page.items.map((r) => ({ ...r, districtName: r.districtName ?? '' })),
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
