import { todayInShanghai } from '../../domain/dates.js';
import { TIER_LABELS, type Tier } from '../../domain/enterprise-rules.js';
import { titleValidUntil } from '../../domain/recognition/lifecycle.js';
import { addCalendarDays, certificatePrefix } from '../../domain/recognition/rounds.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit, writeAudits } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { enterpriseUserIdsOf } from '../auth/find-recipients.js';
import {
  endReviewedTitles,
  insertRecognisedTitles,
  refreshCurrentTiers,
  releaseReviewedTitles,
  selectTitleClashes,
} from '../enterprises/titles.repo.js';
import { type NewMessage, sendMessages } from '../messages/send-messages.js';
import {
  dateInFuture,
  littleGiantAnnounce,
  objectionOpen,
  publicityNotOver,
  publicityNotStarted,
  roundAnnounced,
  titleClash,
} from './recognition.errors.js';
import { selectRound, selectRoundItems, selectUnrecognisedReviewedTitles, transitionItems, updateRound } from './rounds.repo.js';

/**
 * 公告: from the day after the 公示 ends, every item still in 公示 without an upheld objection is
 * recognised — a title from the announcement date, valid 3 years less a day, with a certificate
 * number and the document number — and an item whose objection was upheld is not. A 复核 passed
 * ends the reviewed title the day before the new one starts; titles whose 复核 did not pass leave
 * 复核中. An open objection blocks the whole announcement. All in one transaction, set-based:
 * titles, items, history, current tiers, audit rows and one message per enterprise user.
 */
export async function announceRound(
  ctx: AppContext,
  actor: Actor | null,
  roundId: string,
  body: { announcedOn: string; documentNo: string },
) {
  const who = requireAccess(actor, 'recognition.rounds.manage');
  const today = todayInShanghai();
  if (body.announcedOn > today) throw dateInFuture('announcedOn', '公告日期', today);
  return ctx.db.transaction(async (tx) => {
    const round = await selectRound(tx, roundId, { forUpdate: true });
    if (!round) throw notFound();
    if (round.tier === 'little_giant') throw littleGiantAnnounce();
    if (round.announcedOn) throw roundAnnounced(round.announcedOn);
    if (!round.publicityEndsOn) throw publicityNotStarted();
    const earliest = addCalendarDays(round.publicityEndsOn, 1);
    if (body.announcedOn < earliest) throw publicityNotOver(round.publicityEndsOn, earliest);

    const items = await selectRoundItems(tx, round.id, { statuses: ['in_publicity'] }, { forUpdate: true });
    const open = items.filter((i) => i.objection === 'open');
    if (open.length) throw objectionOpen(open.map((i) => ({ applicationId: i.id, enterpriseName: i.enterpriseName })));
    const granted = items.filter((i) => i.objection !== 'upheld');
    const refused = items.filter((i) => i.objection === 'upheld');
    const clashes = new Set(
      await selectTitleClashes(
        tx,
        granted.map((i) => i.enterpriseId),
        round.tier,
        body.announcedOn,
      ),
    );
    if (clashes.size) throw titleClash(granted.filter((i) => clashes.has(i.enterpriseId)).map((i) => i.enterpriseName));

    const validUntil = titleValidUntil(body.announcedOn);
    const titles = await insertRecognisedTitles(tx, {
      tier: round.tier,
      level: 'municipal',
      recognisedOn: body.announcedOn,
      validUntil,
      documentNo: body.documentNo,
      certificatePrefix: certificatePrefix(round.tier as Tier, body.announcedOn),
      items: granted.map((i) => ({ enterpriseId: i.enterpriseId, applicationId: i.id })),
    });
    const titleOf = new Map(titles.map((t) => [t.applicationId, t]));
    const recognised = await transitionItems(tx, {
      roundId: round.id,
      ids: granted.map((i) => i.id),
      from: ['in_publicity'],
      to: 'recognised',
      action: 'announce',
      actor: who,
      reason: `${body.documentNo}，${body.announcedOn} 公告`,
      titleIds: new Map(titles.map((t) => [t.applicationId, t.id])),
    });
    const notRecognised = await transitionItems(tx, {
      roundId: round.id,
      ids: refused.map((i) => i.id),
      from: ['in_publicity'],
      to: 'not_recognised',
      action: 'announce',
      actor: who,
      reason: '公示期间异议成立',
    });
    // 复核: the passed items' old titles end the day before the new ones; the others leave 复核中.
    await endReviewedTitles(
      tx,
      granted.flatMap((i) => (i.reviewedTitleId ? [i.reviewedTitleId] : [])),
      addCalendarDays(body.announcedOn, -1),
    );
    await releaseReviewedTitles(tx, await selectUnrecognisedReviewedTitles(tx, round.id), body.announcedOn);
    await refreshCurrentTiers(
      tx,
      items.map((i) => i.enterpriseId),
      today,
    );
    const announced = await updateRound(tx, round.id, { announcedOn: body.announcedOn, documentNo: body.documentNo });

    await writeAudits(tx, who, [
      ...granted.map((i) => ({
        action: 'recognition.announce' as const,
        entityType: 'recognition_application',
        entityId: i.id,
        before: { status: 'in_publicity' },
        after: {
          status: 'recognised',
          titleId: titleOf.get(i.id)?.id,
          certificateNo: titleOf.get(i.id)?.certificateNo,
          documentNo: body.documentNo,
          recognisedOn: body.announcedOn,
          validUntil,
        },
      })),
      ...refused.map((i) => ({
        action: 'recognition.announce' as const,
        entityType: 'recognition_application',
        entityId: i.id,
        before: { status: 'in_publicity' },
        after: { status: 'not_recognised', reason: '公示期间异议成立' },
      })),
    ]);
    await writeAudit(tx, who, {
      action: 'recognition.round_announce',
      entityType: 'recognition_round',
      entityId: round.id,
      after: {
        announcedOn: body.announcedOn,
        documentNo: body.documentNo,
        recognised: recognised.length,
        notRecognised: notRecognised.length,
      },
    });

    const tierLabel = TIER_LABELS[round.tier as Tier];
    const users = await enterpriseUserIdsOf(
      tx,
      items.map((i) => i.enterpriseId),
    );
    const messages: NewMessage[] = [];
    for (const i of granted) {
      const t = titleOf.get(i.id);
      for (const userId of users.get(i.enterpriseId) ?? [])
        messages.push({
          userId,
          category: 'recognition',
          title: `认定结果：${round.name}`,
          body: `贵企业已被认定为${tierLabel}（${body.documentNo}，${body.announcedOn} 公告），证书编号 ${t?.certificateNo ?? ''}，有效期至 ${validUntil}。`,
          link: `/recognition/applications/${i.id}`,
        });
    }
    for (const i of refused)
      for (const userId of users.get(i.enterpriseId) ?? [])
        messages.push({
          userId,
          category: 'recognition',
          title: `认定结果：${round.name}`,
          body: `贵企业的申报因公示期间异议成立未予认定（${body.documentNo}）。`,
          link: `/recognition/applications/${i.id}`,
        });
    await sendMessages(tx, messages);
    return { recognised: recognised.length, notRecognised: notRecognised.length, round: announced };
  });
}
