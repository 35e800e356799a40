import { isListingStage } from '../../domain/listing-stages.js';
import type { Actor } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { listingStageUnknown } from './enterprises.errors.js';
import type { ListingRecordView } from './enterprises.schemas.js';
import { listEnterpriseListings } from './list-enterprise-listings.js';
import { auditedListing, enterpriseForListingChange } from './listing-access.js';
import { deleteListing, selectListing } from './listings.repo.js';

/** Removes a stage recorded by mistake (the city or the enterprise's district); a stage not recorded is 404. Audited. */
export async function removeEnterpriseListing(
  ctx: AppContext,
  actor: Actor | null,
  enterpriseId: string,
  stage: string,
): Promise<ListingRecordView> {
  const { officer, enterprise } = await enterpriseForListingChange(ctx, actor, enterpriseId);
  if (!isListingStage(stage)) throw listingStageUnknown(stage);
  await ctx.db.transaction(async (tx) => {
    const before = await selectListing(tx, enterprise.id, stage);
    if (!before || !(await deleteListing(tx, enterprise.id, stage))) throw notFound();
    await writeAudit(tx, officer, {
      action: 'listing.remove',
      entityType: 'enterprise',
      entityId: enterprise.id,
      before: auditedListing(before),
    });
  });
  return listEnterpriseListings(ctx, officer, enterprise.id);
}
