import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { loadMonitoringSettings } from './load-settings.js';
import { type SampleFilter, selectSamplePage, selectSampleSizes } from './sample.repo.js';
import { presentSampleRow } from './sample-labels.js';

/** Percent with one decimal; null without a denominator. */
export const percentOf = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/**
 * 监测企业: one page of the effective sample in the actor's scope, and the share of small and micro
 * firms among the sample of the scope (or of the district filtered): over the firms of known size,
 * those without a size class counted apart; `below` when under the setting's minimum (default 80 %).
 */
export async function listSample(ctx: AppContext, actor: Actor | null, filter: SampleFilter) {
  const officer = requireAccess(actor, 'monitoring.sample.read');
  const scope = scopeOf(officer);
  const [page, sizes, settings] = await Promise.all([
    selectSamplePage(ctx.db, scope, filter),
    selectSampleSizes(ctx.db, scope, filter.district),
    loadMonitoringSettings(ctx.db),
  ]);
  const percent = percentOf(sizes.smallMicro, sizes.total - sizes.unknown);
  const minimum = settings.smallMicroShareMin;
  return {
    items: page.items.map(presentSampleRow),
    total: page.total,
    page: filter.page,
    pageSize: filter.pageSize,
    share: {
      total: sizes.total,
      smallMicro: sizes.smallMicro,
      unknown: sizes.unknown,
      percent,
      minimum,
      below: percent !== null && percent < minimum,
    },
  };
}
