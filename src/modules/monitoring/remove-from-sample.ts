import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { reasonRequired } from './monitoring.errors.js';
import { selectSampleTarget, upsertSampleRow } from './sample.repo.js';
import { sampleSourceOf } from './sample-labels.js';

/**
 * 移出监测: takes an enterprise of the actor's scope out of the sample, with a reason (a row saying
 * 'out', whether it was in by a title or added). Taking out one already out changes nothing.
 */
export async function removeFromSample(
  ctx: AppContext,
  actor: Actor | null,
  enterpriseId: string,
  input: { reason?: string | null } | null | undefined,
) {
  const officer = requireAccess(actor, 'monitoring.sample.manage');
  const reason = input?.reason?.trim();
  return ctx.db.transaction(async (tx) => {
    const target = await selectSampleTarget(tx, scopeOf(officer), enterpriseId);
    if (!target) throw notFound();
    if (!reason) throw reasonRequired('移出监测企业');
    const source = sampleSourceOf(target.currentTier);
    const result = { enterpriseId, inSample: false, source };
    const wasIn = target.status === 'in' || (target.status !== 'out' && source === 'title');
    if (!wasIn) return result;
    await upsertSampleRow(tx, { enterpriseId, status: 'out', reason, changedBy: officer.userId });
    await writeAudit(tx, officer, {
      action: 'monitoring.sample_remove',
      entityType: 'monitoring_sample',
      entityId: enterpriseId,
      before: { inSample: true, status: target.status ?? null, reason: target.reason ?? null },
      after: { enterpriseName: target.name, inSample: false, source, reason },
    });
    return result;
  });
}
