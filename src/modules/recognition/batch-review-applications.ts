import {
  RECOGNITION_HISTORY_LABELS,
  RECOGNITION_STATUS_LABELS,
  type RecognitionStatus,
  TRANSITIONS,
} from '../../domain/recognition/lifecycle.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudits } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { enterpriseUserIdsOf } from '../auth/find-recipients.js';
import { sendMessages } from '../messages/send-messages.js';
import { selectBatchCandidates, transitionMany } from './applications-review.repo.js';
import { batchRefused } from './recognition.errors.js';
import type { BatchActionBody } from './recognition.schemas.js';
import { officeOf, requireReviewRole } from './review-application.js';

const NOT_FOUND_REASON = '记录不存在或无权查看';

/**
 * 批量审核: approve many applications at once (district 初审 or city 复审), all or nothing. Each id
 * is checked first (in the actor's scope, in a status the action allows); any refused → 409 with
 * `details.refused` and nothing changed. Then one UPDATE with its history (INSERT … SELECT), the
 * audit rows in one statement and the messages to the enterprises, all in one transaction.
 */
export async function batchReviewApplications(ctx: AppContext, actor: Actor | null, input: BatchActionBody): Promise<{ done: number }> {
  const who = requireAccess(actor, 'recognition.officer.review');
  const { action } = input;
  requireReviewRole(who, action);
  const transition = TRANSITIONS[action];
  const ids = [...new Set(input.ids.map((id) => id.toLowerCase()))];
  const label = RECOGNITION_HISTORY_LABELS[action];
  return ctx.db.transaction(async (tx) => {
    const candidates = await selectBatchCandidates(tx, who, ids);
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const refused: { id: string; enterpriseName: string | null; reason: string }[] = [];
    for (const id of ids) {
      const c = byId.get(id);
      if (!c) refused.push({ id, enterpriseName: null, reason: NOT_FOUND_REASON });
      else if (!(transition.from as readonly string[]).includes(c.status)) {
        const status = RECOGNITION_STATUS_LABELS[c.status as RecognitionStatus] ?? c.status;
        refused.push({ id, enterpriseName: c.enterpriseName, reason: `申报状态为“${status}”，不能${label}` });
      }
    }
    if (refused.length) throw batchRefused(label, refused);

    const moved = await transitionMany(tx, ids, {
      action,
      from: transition.from,
      to: transition.to,
      actorId: who.userId,
      actorName: who.displayName,
    });
    // Rows are locked since the check: fewer moved only if the data changed under us (never silently partial).
    if (moved.length !== ids.length) throw batchRefused(label, []);

    await writeAudits(
      tx,
      who,
      moved.map((m) => ({
        action: `recognition.${action}` as const,
        entityType: 'recognition_application',
        entityId: m.id,
        before: { status: m.fromStatus },
        after: { status: transition.to, batch: true },
      })),
    );
    const recipients = await enterpriseUserIdsOf(
      tx,
      candidates.map((c) => c.enterpriseId),
    );
    const office = officeOf(who);
    const stage = action === 'district_approve' ? '初审' : '复审';
    const next = action === 'district_approve' ? '进入市级评审' : '将按程序进行公示';
    await sendMessages(
      tx,
      candidates.flatMap((c) =>
        (recipients.get(c.enterpriseId) ?? []).map((userId) => ({
          userId,
          category: 'recognition' as const,
          title: `申报已通过${action === 'district_approve' ? '区县' : '市级'}${stage}`,
          body: `贵企业在“${c.roundName}”中的申报已通过${office}${stage}，${next}。`.slice(0, 4000),
          link: `/recognition/applications/${c.id}`,
        })),
      ),
    );
    return { done: moved.length };
  });
}
