import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { selectEnterpriseInScope } from './enterprises.repo.js';

/**
 * The enterprise whose listing record an actor changes: outside the actor's scope 404 (as for a
 * read); in it, refused with 403 unless the actor is the city or the enterprise's district.
 */
export async function enterpriseForListingChange(ctx: AppContext, actor: Actor | null, enterpriseId: string) {
  const reader = requireAccess(actor, 'listings.read');
  const enterprise = await selectEnterpriseInScope(ctx.db, scopeOf(reader), enterpriseId);
  if (!enterprise) throw notFound();
  const officer = requireAccess(actor, 'listings.manage', {
    enterpriseId: enterprise.id,
    districtCode: enterprise.districtCode,
    zoneCode: enterprise.zoneCode,
  });
  return { officer, enterprise };
}

/** An entry of the listing record as the enterprise's history shows it (labels: listing.<stage>.* in domain/labels.ts). */
export const auditedListing = (r: { stage: string; reachedOn: string; market: string | null; note: string | null }) => ({
  listing: { [r.stage]: { reachedOn: r.reachedOn, market: r.market, note: r.note } },
});
