import { LISTING_STAGE_LABELS, LISTING_STAGES, type ListingStage } from '../../domain/listing-stages.js';
import { type Actor, can, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { selectEnterpriseInScope } from './enterprises.repo.js';
import type { ListingRecordView } from './enterprises.schemas.js';
import { selectListings } from './listings.repo.js';

/**
 * The listing record (上市进程) of an enterprise: the city, its district and the enterprise itself
 * read it (anyone else: 404 as if absent); officers may edit it.
 */
export async function listEnterpriseListings(ctx: AppContext, actor: Actor | null, enterpriseId: string): Promise<ListingRecordView> {
  const reader = requireAccess(actor, 'listings.read');
  const enterprise = await selectEnterpriseInScope(ctx.db, scopeOf(reader), enterpriseId);
  if (!enterprise) throw notFound();
  const rows = await selectListings(ctx.db, enterprise.id);
  return {
    enterpriseId: enterprise.id,
    editable: can(reader, 'listings.manage'),
    stages: LISTING_STAGES.map((key) => ({ key, label: LISTING_STAGE_LABELS[key] })),
    items: rows.map((r) => ({
      stage: r.stage,
      stageLabel: LISTING_STAGE_LABELS[r.stage as ListingStage] ?? '其他阶段',
      reachedOn: r.reachedOn,
      market: r.market,
      note: r.note,
    })),
  };
}
