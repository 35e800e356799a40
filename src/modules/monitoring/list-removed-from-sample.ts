import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { type SampleFilter, selectRemovedPage } from './sample.repo.js';
import { SAMPLE_SOURCE_LABELS, sampleSizeLabel, sampleSourceOf, sampleTierLabel } from './sample-labels.js';

/** 已移出监测的企业 of the actor's scope, with the reason, who took them out and when (latest first). */
export async function listRemovedFromSample(ctx: AppContext, actor: Actor | null, filter: Omit<SampleFilter, 'source'>) {
  const officer = requireAccess(actor, 'monitoring.sample.read');
  const page = await selectRemovedPage(ctx.db, scopeOf(officer), filter);
  return {
    items: page.items.map((r) => {
      const source = sampleSourceOf(r.tier);
      return {
        enterpriseId: r.enterpriseId,
        enterpriseName: r.enterpriseName,
        uscc: r.uscc,
        districtName: r.districtName ?? '',
        sizeClass: r.sizeClass,
        sizeLabel: sampleSizeLabel(r.sizeClass),
        tier: r.tier,
        tierLabel: sampleTierLabel(r.tier),
        source,
        sourceLabel: SAMPLE_SOURCE_LABELS[source],
        reason: r.reason,
        changedAt: r.changedAt,
        changedByName: r.changedByName,
      };
    }),
    total: page.total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}
