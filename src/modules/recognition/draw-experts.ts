import { randomInt } from 'node:crypto';
import { drawExperts as drawFromPool } from '../../domain/recognition/expert-review.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { selectEnterpriseNames } from '../enterprises/enterprises.repo.js';
import { expertReviewPool, industrySectionOf } from '../experts/review-pool.js';
import { sendMessages } from '../messages/send-messages.js';
import { insertExpertReviews, selectItemsToDraw } from './expert-reviews.repo.js';
import { expertReviewOff, nothingToDraw } from './recognition.errors.js';
import { recordTransition } from './record-transition.js';
import { selectRound } from './rounds.repo.js';

export interface DrawResult {
  assigned: number;
  shortfall: { applicationId: string; enterpriseName: string; found: number; wanted: number }[];
}

/**
 * 双随机: for every 初审通过 item of a round with expert review, draws experts at random (crypto)
 * from the pool — the same 大类 first, then the same 门类 — never one who declared a conflict with
 * the enterprise or who serves its district. An item the pool cannot staff in full is reported in
 * `shortfall` and left as it is (初审通过), so that the city can widen the pool or draw fewer and
 * draw again; the others move to 专家评审中 with history and audit, and each drawn expert gets one
 * message. All in one transaction.
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
    const items = await selectItemsToDraw(tx, round.id);
    if (!items.length) throw nothingToDraw();
    const enterpriseIds = items.map((i) => i.enterpriseId);
    const [pool, sectionOf, names] = await Promise.all([
      expertReviewPool(tx, enterpriseIds),
      industrySectionOf(tx),
      selectEnterpriseNames(tx, [...new Set(enterpriseIds)]),
    ]);
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    const byExpert = new Map<string, { userId: string; count: number }>();
    const result: DrawResult = { assigned: 0, shortfall: [] };

    for (const item of items) {
      const drawn = drawFromPool(
        pool,
        {
          enterpriseId: item.enterpriseId,
          districtCodes: [item.districtCode, ...(item.zoneCode ? [item.zoneCode] : [])],
          industryCode: item.industryCode,
          sectionCode: sectionOf(item.industryCode),
        },
        wanted,
        randomInt,
      );
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
      for (const e of drawn) {
        const entry = byExpert.get(e.id) ?? { userId: e.userId, count: 0 };
        entry.count += 1;
        byExpert.set(e.id, entry);
      }
      result.assigned += 1;
    }

    await sendMessages(
      tx,
      [...byExpert.values()].map(({ userId, count }) => ({
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
      after: { wanted, assigned: result.assigned, shortfall: result.shortfall, experts: byExpert.size },
    });
    return result;
  });
}
