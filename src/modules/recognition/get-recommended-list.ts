import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { selectItemsWithStep, selectRound } from './rounds.repo.js';

/** The 推荐名单 of a 小巨人 round (items recommended to MIIT), in the notice's order: the city all, a district its own. */
export async function getRecommendedList(ctx: AppContext, actor: Actor | null, roundId: string) {
  const who = requireAccess(actor, 'recognition.rounds.lists');
  const round = await selectRound(ctx.db, roundId);
  if (!round) throw notFound();
  const items = await selectItemsWithStep(ctx.db, round.id, 'recommend', who.role === 'city_admin' ? null : (who.districtCode ?? '-'));
  return { round, items };
}
