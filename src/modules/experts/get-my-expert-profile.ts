import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { expertProfileMissing } from './experts.errors.js';
import { selectAssignments, selectConflicts, selectExpertByUser } from './experts.repo.js';
import { presentExpert } from './present-expert.js';

/** The signed-in expert's own entry of the pool: what it is assigned to serve (我的服务企业). */
export async function getMyExpertProfile(ctx: AppContext, actor: Actor | null) {
  const who = requireAccess(actor, 'expert.me');
  const expert = await selectExpertByUser(ctx.db, who.userId);
  if (!expert) throw expertProfileMissing();
  const [conflicts, assignments] = await Promise.all([selectConflicts(ctx.db, expert.id), selectAssignments(ctx.db, expert.id)]);
  return presentExpert(ctx, expert, conflicts, assignments);
}
