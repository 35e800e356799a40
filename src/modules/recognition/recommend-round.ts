import { todayInShanghai } from '../../domain/dates.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit, writeAudits } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import {
  dateBefore,
  dateInFuture,
  nothingToRecommend,
  notLittleGiantRound,
  roundClosedAlready,
  roundRecommended,
} from './recognition.errors.js';
import { recordItemsStep, selectRound, selectRoundItems, updateRound } from './rounds.repo.js';

/**
 * 小巨人: the city recommends its 复审通过 items to MIIT (推荐). The items stay 复审通过 until MIIT's
 * list is recorded; each gets a 'recommend' history row, the round its recommendation date.
 */
export async function recommendRound(ctx: AppContext, actor: Actor | null, roundId: string, body: { recommendedOn: string }) {
  const who = requireAccess(actor, 'recognition.rounds.manage');
  const today = todayInShanghai();
  if (body.recommendedOn > today) throw dateInFuture('recommendedOn', '推荐日期', today);
  return ctx.db.transaction(async (tx) => {
    const round = await selectRound(tx, roundId, { forUpdate: true });
    if (!round) throw notFound();
    if (round.tier !== 'little_giant') throw notLittleGiantRound();
    if (round.closedOn) throw roundClosedAlready(round.closedOn);
    if (round.recommendedOn) throw roundRecommended(round.recommendedOn);
    if (body.recommendedOn < round.opensOn) throw dateBefore('recommendedOn', '推荐日期', round.opensOn, '申报开始日期');
    const items = await selectRoundItems(tx, round.id, { statuses: ['city_approved'] }, { forUpdate: true });
    if (!items.length) throw nothingToRecommend();
    const ids = items.map((i) => i.id);
    await recordItemsStep(tx, { ids, status: 'city_approved', action: 'recommend', actor: who, reason: `${body.recommendedOn} 推荐` });
    await updateRound(tx, round.id, { recommendedOn: body.recommendedOn });
    await writeAudits(
      tx,
      who,
      ids.map((id) => ({
        action: 'recognition.recommend' as const,
        entityType: 'recognition_application',
        entityId: id,
        after: { recommendedOn: body.recommendedOn },
      })),
    );
    await writeAudit(tx, who, {
      action: 'recognition.round_recommend',
      entityType: 'recognition_round',
      entityId: round.id,
      after: { recommendedOn: body.recommendedOn, count: ids.length },
    });
    return { recommended: ids.length };
  });
}
