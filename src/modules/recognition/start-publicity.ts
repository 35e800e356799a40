import { todayInShanghai } from '../../domain/dates.js';
import { periodEnd } from '../../domain/working-days.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit, writeAudits } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { dateInFuture, publicityItemsRefused, publicityStarted, roundAnnounced } from './recognition.errors.js';
import { selectRound, selectRoundItems, transitionItems, updateRound } from './rounds.repo.js';

/**
 * 公示: the city publishes the proposed list on `startsOn` (today or a day already past, never
 * later); the end is `publicityDays` working days from it (periodEnd). Every listed item must be a
 * 复审通过 item of this round, or nothing changes (409 with the refused ones). In one transaction:
 * the round's dates, the items in_publicity with a history row each, and the audit rows.
 */
export async function startPublicity(
  ctx: AppContext,
  actor: Actor | null,
  roundId: string,
  body: { startsOn: string; applicationIds: string[] },
) {
  const who = requireAccess(actor, 'recognition.rounds.manage');
  const today = todayInShanghai();
  if (body.startsOn > today) throw dateInFuture('startsOn', '公示开始日期', today);
  const ids = [...new Set(body.applicationIds)];
  const cal = await loadCalendar(ctx.db);
  const end = periodEnd(cal, body.startsOn, 1);
  return ctx.db.transaction(async (tx) => {
    const round = await selectRound(tx, roundId, { forUpdate: true });
    if (!round) throw notFound();
    if (round.announcedOn) throw roundAnnounced(round.announcedOn);
    if (round.publicityStartsOn && round.publicityEndsOn) throw publicityStarted(round.publicityStartsOn, round.publicityEndsOn);
    const { date: endsOn, unmaintainedYears } = round.publicityDays === 1 ? end : periodEnd(cal, body.startsOn, round.publicityDays);
    const items = await selectRoundItems(tx, round.id, { ids }, { forUpdate: true });
    const found = new Map(items.map((i) => [i.id, i]));
    const refused = ids
      .filter((id) => found.get(id)?.status !== 'city_approved')
      .map((id) => ({
        id,
        enterpriseName: found.get(id)?.enterpriseName ?? null,
        reason: found.has(id) ? '不是“复审通过”状态' : '不是本批次的申报',
      }));
    if (refused.length) throw publicityItemsRefused(refused);
    const moved = await transitionItems(tx, {
      roundId: round.id,
      ids,
      from: ['city_approved'],
      to: 'in_publicity',
      action: 'publicity',
      actor: who,
      reason: `公示期 ${body.startsOn} 至 ${endsOn}`,
    });
    await updateRound(tx, round.id, { publicityStartsOn: body.startsOn, publicityEndsOn: endsOn });
    await writeAudits(
      tx,
      who,
      moved.map((id) => ({
        action: 'recognition.publicity' as const,
        entityType: 'recognition_application',
        entityId: id,
        before: { status: 'city_approved' },
        after: { status: 'in_publicity', publicityStartsOn: body.startsOn, publicityEndsOn: endsOn },
      })),
    );
    await writeAudit(tx, who, {
      action: 'recognition.round_publicity',
      entityType: 'recognition_round',
      entityId: round.id,
      after: { publicityStartsOn: body.startsOn, publicityEndsOn: endsOn, count: moved.length },
    });
    return { endsOn, unmaintainedYears, count: moved.length };
  });
}
