import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { type SampleFilter, selectRemovedPage } from './sample.repo.js';
import { presentSampleRow } from './sample-labels.js';

/** 已移出监测的企业 of the actor's scope, with the reason, who took them out and when (latest first). */
export async function listRemovedFromSample(ctx: AppContext, actor: Actor | null, filter: Omit<SampleFilter, 'source'>) {
  const officer = requireAccess(actor, 'monitoring.sample.read');
  const page = await selectRemovedPage(ctx.db, scopeOf(officer), filter);
  return {
    items: page.items.map((r) => ({ ...presentSampleRow(r), changedByName: r.changedByName })),
    total: page.total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}
