import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { selectAssignments, selectConflicts, selectExpert } from './experts.repo.js';
import { presentExpert } from './present-expert.js';

/** One expert of the pool with its conflicts of interest and assignments (city administrator). */
export async function getExpert(ctx: AppContext, actor: Actor | null, id: string) {
  requireAccess(actor, 'expert.read');
  const expert = await selectExpert(ctx.db, id);
  if (!expert) throw notFound();
  const [conflicts, assignments] = await Promise.all([selectConflicts(ctx.db, id), selectAssignments(ctx.db, id)]);
  return presentExpert(ctx, expert, conflicts, assignments);
}
