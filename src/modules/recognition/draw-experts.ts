import { randomInt } from 'node:crypto';
import { type DrawTarget, drawExperts as drawFromPool, mayReview } from '../../domain/recognition/expert-review.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { selectEnterpriseNames } from '../enterprises/enterprises.repo.js';
import { expertReviewPool, industrySectionOf, type ReviewPoolExpert } from '../experts/review-pool.js';
import { sendMessages } from '../messages/send-messages.js';
import { deleteUnsubmittedReviews, insertExpertReviews, selectItemsToDraw, selectReviewsInProgress } from './expert-reviews.repo.js';
import { expertReviewOff, nothingToDraw } from './recognition.errors.js';
import { recordTransition } from './record-transition.js';
import { selectRound } from './rounds.repo.js';

export interface DrawResult {
  /** Items that got their experts (now 专家评审中). */
  assigned: number;
  /** Experts replaced on items already in 专家评审 (a conflict declared after the draw, …). */
  replaced: number;
  shortfall: { applicationId: string; enterpriseName: string; found: number; wanted: number }[];
}

interface Item {
  id: string;
  status: string;
  enterpriseId: string;
  districtCode: string;
  zoneCode: string | null;
  industryCode: string | null;
}

/**
 * 双随机: for every 初审通过 item of a round with expert review, draws experts at random (crypto)
 * from the pool — the same 大类 first, then the same 门类 — never one who declared a conflict with
 * the enterprise or who serves its district. An item the pool cannot staff in full is reported in
 * `shortfall` and left as it is (初审通过), so that the city can widen the pool or draw fewer and
 * draw again; the others move to 专家评审中. Drawing again also replaces, on items already in
 * 专家评审, an expert who has not submitted and may no longer review the item (a conflict declared
 * after the draw, a district now served, a login disabled). History, audit, and one message per
 * drawn expert, all in one transaction.
 */
export async function drawExperts(
  ctx: AppContext,
  actor: Actor | null,
  roundId: string,
  input: { perApplication?: number },
): Promise<DrawResult> {
  const who = requireAccess(actor, 'recognition.experts.draw');
  const round = await selectRound(ctx.db, roundId);
  if (!round) throw notFound();
  if (!round.expertReview) throw expertReviewOff();
  const wanted = input.perApplication ?? round.expertsPerApplication;

  return ctx.db.transaction(async (tx) => {
    const items: Item[] = await selectItemsToDraw(tx, round.id);
    const inProgress = await selectReviewsInProgress(tx, round.id);
    const enterpriseIds = [...new Set([...items, ...inProgress].map((i) => i.enterpriseId))];
    const [pool, sectionOf, names] = await Promise.all([
      expertReviewPool(tx, enterpriseIds),
      industrySectionOf(tx),
      selectEnterpriseNames(tx, enterpriseIds),
    ]);
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    const targetOf = (item: Omit<Item, 'id' | 'status'>): DrawTarget => ({
      enterpriseId: item.enterpriseId,
      districtCodes: [item.districtCode, ...(item.zoneCode ? [item.zoneCode] : [])],
      industryCode: item.industryCode,
      sectionCode: sectionOf(item.industryCode),
    });
    const notified = new Map<string, { userId: string; count: number }>();
    const tell = (experts: ReviewPoolExpert[]) => {
      for (const e of experts) notified.set(e.id, { userId: e.userId, count: (notified.get(e.id)?.count ?? 0) + 1 });
    };
    const result: DrawResult = { assigned: 0, replaced: 0, shortfall: [] };

    // Items in 专家评审 whose unsubmitted experts may no longer review them: replace those experts.
    const byId = new Map(pool.map((e) => [e.id, e]));
    const byItem = new Map<string, typeof inProgress>();
    for (const r of inProgress) byItem.set(r.applicationId, [...(byItem.get(r.applicationId) ?? []), r]);
    let toReplace = 0;
    for (const [applicationId, reviews] of byItem) {
      const target = targetOf(reviews[0]);
      const gone = reviews.filter((r) => !r.submittedAt && !(byId.has(r.expertId) && mayReview(byId.get(r.expertId)!, target)));
      if (!gone.length) continue;
      toReplace += 1;
      const onItem = new Set(reviews.map((r) => r.expertId));
      const replacements = drawFromPool(
        pool.filter((e) => !onItem.has(e.id)),
        target,
        gone.length,
        randomInt,
      );
      if (replacements.length < gone.length) {
        result.shortfall.push({
          applicationId,
          enterpriseName: nameOf.get(target.enterpriseId) ?? '',
          found: reviews.length - gone.length + replacements.length,
          wanted: reviews.length,
        });
        continue;
      }
      await deleteUnsubmittedReviews(
        tx,
        applicationId,
        gone.map((r) => r.expertId),
      );
      await insertExpertReviews(
        tx,
        replacements.map((e) => ({ applicationId, expertId: e.id })),
      );
      await recordTransition(
        tx,
        who,
        { id: applicationId, status: 'expert_review' },
        {
          action: 'experts_assigned',
          to: 'expert_review',
          reason: `更换评审专家 ${gone.length} 位（原专家存在利益冲突或已不能评审该申报），重新随机抽取`,
        },
      );
      tell(replacements);
      result.replaced += gone.length;
    }

    if (!items.length && !toReplace) throw nothingToDraw();
    for (const item of items) {
      const drawn = drawFromPool(pool, targetOf(item), wanted, randomInt);
      if (drawn.length < wanted) {
        result.shortfall.push({ applicationId: item.id, enterpriseName: nameOf.get(item.enterpriseId) ?? '', found: drawn.length, wanted });
        continue;
      }
      await insertExpertReviews(
        tx,
        drawn.map((e) => ({ applicationId: item.id, expertId: e.id })),
      );
      await recordTransition(tx, who, item, {
        action: 'experts_assigned',
        to: 'expert_review',
        reason: `随机抽取评审专家 ${drawn.length} 位`,
      });
      tell(drawn);
      result.assigned += 1;
    }

    await sendMessages(
      tx,
      [...notified.values()].map(({ userId, count }) => ({
        userId,
        category: 'recognition' as const,
        title: `专家评审任务：${round.name}`.slice(0, 200),
        body: `您被随机抽取为“${round.name}”的评审专家，共 ${count} 项申报待评审。请在“专家评审”中逐项阅读申报材料、回答审核问题、评分并提交评审意见。`,
        link: '/recognition/reviews',
      })),
    );
    await writeAudit(tx, who, {
      action: 'recognition.experts_draw',
      entityType: 'recognition_round',
      entityId: round.id,
      after: { wanted, assigned: result.assigned, replaced: result.replaced, shortfall: result.shortfall, experts: notified.size },
    });
    return result;
  });
}
