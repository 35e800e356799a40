import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { selectExpertPage } from './experts.repo.js';
import type { ExpertListQuery } from './experts.schemas.js';
import { presentExpertPage } from './present-expert.js';

/** 专家库: the city's list of experts, with what each is assigned and how many conflicts it declared. */
export async function listExperts(ctx: AppContext, actor: Actor | null, filter: ExpertListQuery) {
  requireAccess(actor, 'expert.read');
  const { items, total } = await selectExpertPage(ctx.db, filter);
  return { items: await presentExpertPage(ctx, items), total };
}
