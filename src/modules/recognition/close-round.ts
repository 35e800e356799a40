import { todayInShanghai } from '../../domain/dates.js';
import { addCalendarDays } from '../../domain/recognition/rounds.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit, writeAudits } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { enterpriseUserIdsOf } from '../auth/find-recipients.js';
import { endReviewedTitles, refreshCurrentTiers, releaseReviewedTitles, selectTitlesRecognisedSince } from '../enterprises/titles.repo.js';
import { type NewMessage, sendMessages } from '../messages/send-messages.js';
import { dateBefore, dateInFuture, notLittleGiantRound, notRecommended, roundClosedAlready } from './recognition.errors.js';
import { selectRound, selectRoundItems, selectUnrecognisedReviewedTitles, transitionItems, updateRound } from './rounds.repo.js';

/**
 * 小巨人: after MIIT's list was recorded (the title-list import), the city closes the round: each
 * recommended item whose enterprise now holds a 小巨人 title recognised on or after the round
 * opened is recognised (its title linked), every other is not. A 复核 passed ends the reviewed
 * title the day before the new one; the others leave 复核中. One transaction; one message per user.
 */
export async function closeRound(ctx: AppContext, actor: Actor | null, roundId: string, body: { closedOn: string }) {
  const who = requireAccess(actor, 'recognition.rounds.manage');
  const today = todayInShanghai();
  if (body.closedOn > today) throw dateInFuture('closedOn', '结束日期', today);
  return ctx.db.transaction(async (tx) => {
    const round = await selectRound(tx, roundId, { forUpdate: true });
    if (!round) throw notFound();
    if (round.tier !== 'little_giant') throw notLittleGiantRound();
    if (round.closedOn) throw roundClosedAlready(round.closedOn);
    if (!round.recommendedOn) throw notRecommended();
    if (body.closedOn < round.recommendedOn) throw dateBefore('closedOn', '结束日期', round.recommendedOn, '推荐日期');
    const items = await selectRoundItems(tx, round.id, { statuses: ['city_approved'] }, { forUpdate: true });
    const titles = await selectTitlesRecognisedSince(
      tx,
      items.map((i) => i.enterpriseId),
      'little_giant',
      round.opensOn,
    );
    const titleOfEnterprise = new Map<string, { id: string; recognisedOn: string }>();
    for (const t of titles) if (!titleOfEnterprise.has(t.enterpriseId)) titleOfEnterprise.set(t.enterpriseId, t);
    const passed = items.filter((i) => titleOfEnterprise.has(i.enterpriseId));
    const failed = items.filter((i) => !titleOfEnterprise.has(i.enterpriseId));
    const titleIds = new Map(passed.map((i) => [i.id, titleOfEnterprise.get(i.enterpriseId)?.id as string]));
    const recognised = await transitionItems(tx, {
      roundId: round.id,
      ids: passed.map((i) => i.id),
      from: ['city_approved'],
      to: 'recognised',
      action: 'national_result',
      actor: who,
      reason: '列入工业和信息化部公布的名单',
      titleIds,
    });
    const notRecognised = await transitionItems(tx, {
      roundId: round.id,
      ids: failed.map((i) => i.id),
      from: ['city_approved'],
      to: 'not_recognised',
      action: 'national_result',
      actor: who,
      reason: '未列入工业和信息化部公布的名单',
    });
    for (const i of passed) {
      const t = titleOfEnterprise.get(i.enterpriseId);
      if (i.reviewedTitleId && t && t.id !== i.reviewedTitleId)
        await endReviewedTitles(tx, [i.reviewedTitleId], addCalendarDays(t.recognisedOn, -1));
    }
    await releaseReviewedTitles(tx, await selectUnrecognisedReviewedTitles(tx, round.id), body.closedOn);
    await refreshCurrentTiers(
      tx,
      items.map((i) => i.enterpriseId),
      today,
    );
    await updateRound(tx, round.id, { closedOn: body.closedOn });
    await writeAudits(tx, who, [
      ...passed.map((i) => ({
        action: 'recognition.national_result' as const,
        entityType: 'recognition_application',
        entityId: i.id,
        after: { status: 'recognised', titleId: titleIds.get(i.id) },
      })),
      ...failed.map((i) => ({
        action: 'recognition.national_result' as const,
        entityType: 'recognition_application',
        entityId: i.id,
        after: { status: 'not_recognised' },
      })),
    ]);
    await writeAudit(tx, who, {
      action: 'recognition.round_close',
      entityType: 'recognition_round',
      entityId: round.id,
      after: { closedOn: body.closedOn, recognised: recognised.length, notRecognised: notRecognised.length },
    });
    const users = await enterpriseUserIdsOf(
      tx,
      items.map((i) => i.enterpriseId),
    );
    const messages: NewMessage[] = [];
    for (const i of items)
      for (const userId of users.get(i.enterpriseId) ?? [])
        messages.push({
          userId,
          category: 'recognition',
          title: `认定结果：${round.name}`,
          body: titleOfEnterprise.has(i.enterpriseId)
            ? '贵企业已列入工业和信息化部公布的专精特新“小巨人”企业名单。'
            : '贵企业未列入工业和信息化部公布的专精特新“小巨人”企业名单。',
          link: `/recognition/applications/${i.id}`,
        });
    await sendMessages(tx, messages);
    return { recognised: recognised.length, notRecognised: notRecognised.length };
  });
}
