import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { referenceNames } from '../reference/reference-names.js';
import { selectFigureRows } from './aggregates.repo.js';
import { tierLabel } from './figure-labels.js';
import { figureScope, periodOf } from './figure-scope.js';
import type { FigureRowsQuery } from './monitoring.schemas.js';

/**
 * GET /api/monitoring/rows: the enterprises behind a figure (每个数字可追溯到企业): the period's
 * accepted reports in the reader's scope and the group, matched, unmatched or all. `total` equals
 * the figure's enterprises (matched) or unmatched count.
 */
export async function listFigureRows(ctx: AppContext, actor: Actor | null, q: FigureRowsQuery) {
  const { unit } = await figureScope(ctx, actor);
  const { year, month } = periodOf(q.period);
  const { items, total } = await selectFigureRows(ctx.db, {
    year,
    month,
    unit,
    dim: q.dim,
    key: q.key,
    sample: q.sample,
    page: q.page,
    pageSize: q.pageSize,
  });
  const names = items.length ? await referenceNames(ctx) : null;
  return {
    items: items.map(({ districtCode, ...r }) => ({
      ...r,
      districtName: names?.district(districtCode) ?? '其他区县',
      tierLabel: tierLabel(r.tier),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
