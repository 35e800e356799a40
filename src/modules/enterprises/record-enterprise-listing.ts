import { todayInShanghai } from '../../domain/dates.js';
import { isListingStage } from '../../domain/listing-stages.js';
import type { Actor } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { listingDateInvalid, listingStageUnknown } from './enterprises.errors.js';
import type { ListingInput, ListingRecordView } from './enterprises.schemas.js';
import { listEnterpriseListings } from './list-enterprise-listings.js';
import { auditedListing, enterpriseForListingChange } from './listing-access.js';
import { selectListing, upsertListing } from './listings.repo.js';

/**
 * Records the day an enterprise reached a stage of its way to a listing (or corrects it): the city
 * or the enterprise's district. A date in the future, before 1990 or before the founding is refused.
 * Audited on the enterprise (its history shows it).
 */
export async function recordEnterpriseListing(
  ctx: AppContext,
  actor: Actor | null,
  enterpriseId: string,
  stage: string,
  input: ListingInput,
): Promise<ListingRecordView> {
  const { officer, enterprise } = await enterpriseForListingChange(ctx, actor, enterpriseId);
  if (!isListingStage(stage)) throw listingStageUnknown(stage);
  if (input.reachedOn < '1990-01-01') throw listingDateInvalid('日期不能早于 1990 年（我国证券市场设立之前）');
  if (input.reachedOn > todayInShanghai()) throw listingDateInvalid('日期不能晚于今天：只登记已完成的阶段');
  if (enterprise.establishedOn && input.reachedOn < enterprise.establishedOn)
    throw listingDateInvalid(`日期不能早于企业成立日期 ${enterprise.establishedOn}`);
  await ctx.db.transaction(async (tx) => {
    const before = await selectListing(tx, enterprise.id, stage);
    const row = await upsertListing(tx, {
      enterpriseId: enterprise.id,
      stage,
      reachedOn: input.reachedOn,
      market: input.market ?? null,
      note: input.note ?? null,
      createdBy: officer.userId,
    });
    await writeAudit(tx, officer, {
      action: 'listing.record',
      entityType: 'enterprise',
      entityId: enterprise.id,
      before: before ? auditedListing(before) : undefined,
      after: auditedListing(row),
    });
  });
  return listEnterpriseListings(ctx, officer, enterprise.id);
}
