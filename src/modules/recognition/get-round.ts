import { todayInShanghai } from '../../domain/dates.js';
import { RECOGNITION_STATUSES } from '../../domain/recognition/lifecycle.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { enterpriseViews } from './list-rounds.js';
import { presentRound } from './present-round.js';
import { countStatuses, selectApplicationsOfEnterprise, selectRound } from './rounds.repo.js';

/**
 * One round with its applications counted per status: the city all, a district officer its own; an
 * enterprise sees a round open now or one it applied to (else 404), with its own counts.
 */
export async function getRound(ctx: AppContext, actor: Actor | null, id: string) {
  const who = requireAccess(actor, 'recognition.rounds.read');
  const row = await selectRound(ctx.db, id);
  if (!row) throw notFound();
  const today = todayInShanghai();
  const cal = await loadCalendar(ctx.db);
  const zero = Object.fromEntries(RECOGNITION_STATUSES.map((s) => [s, 0])) as Record<string, number>;
  if (who.role === 'enterprise') {
    if (!who.enterpriseId) throw notFound();
    const mine = await selectApplicationsOfEnterprise(ctx.db, who.enterpriseId, [row.id]);
    const open = row.opensOn <= today && today <= row.closesOn && !row.closedOn;
    if (!open && !mine.has(row.id)) throw notFound();
    const [view] = await enterpriseViews(ctx, who, [row], today);
    const app = mine.get(row.id);
    const counts = { ...zero, ...(app ? { [app.status]: 1 } : {}) };
    return { ...presentRound(row, cal, today), myApplication: view.myApplication, eligibility: view.eligibility, counts };
  }
  const counts = { ...zero, ...(await countStatuses(ctx.db, row.id, who.role === 'city_admin' ? null : (who.districtCode ?? '-'))) };
  return { ...presentRound(row, cal, today), counts };
}
