import { OBJECTION_STATUS_LABELS, RECOGNITION_STATUS_LABELS, type RecognitionStatus } from '../../domain/recognition/lifecycle.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { selectItemsWithStep, selectRound } from './rounds.repo.js';

const NO_OBJECTION = '无异议';

/**
 * The 公示名单 of a round: every item that went into 公示, in the published notice's order (区县,
 * then 统一社会信用代码), with its status and objection state. The city sees all; a district its own.
 */
export async function getPublicityList(ctx: AppContext, actor: Actor | null, roundId: string) {
  const who = requireAccess(actor, 'recognition.rounds.lists');
  const round = await selectRound(ctx.db, roundId);
  if (!round) throw notFound();
  const rows = await selectItemsWithStep(ctx.db, round.id, 'publicity', who.role === 'city_admin' ? null : (who.districtCode ?? '-'));
  return {
    round,
    startsOn: round.publicityStartsOn,
    endsOn: round.publicityEndsOn,
    items: rows.map((r) => ({
      applicationId: r.applicationId,
      enterpriseName: r.enterpriseName,
      districtName: r.districtName,
      uscc: r.uscc,
      status: r.status,
      statusLabel: RECOGNITION_STATUS_LABELS[r.status as RecognitionStatus] ?? r.status,
      objection: r.objection,
      objectionLabel: r.objection === 'none' ? NO_OBJECTION : `异议${OBJECTION_STATUS_LABELS[r.objection]}`,
    })),
  };
}
