import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { deleteSampleRow, selectSampleTarget, upsertSampleRow } from './sample.repo.js';
import { sampleSourceOf } from './sample-labels.js';

/**
 * 纳入监测: adds an enterprise of the actor's scope to the sample. A titled enterprise is in it
 * already (a no-op), unless a row took it out: then that row goes and it is back in by its title.
 * Any other enterprise is in it through a row saying 'in'. Audited when something changed.
 */
export async function addToSample(
  ctx: AppContext,
  actor: Actor | null,
  enterpriseId: string,
  input: { reason?: string | null } | null | undefined,
) {
  const officer = requireAccess(actor, 'monitoring.sample.manage');
  const reason = input?.reason?.trim() || null;
  return ctx.db.transaction(async (tx) => {
    const target = await selectSampleTarget(tx, scopeOf(officer), enterpriseId);
    if (!target) throw notFound();
    const source = sampleSourceOf(target.currentTier);
    const result = { enterpriseId, inSample: true, source };
    const before = target.status ?? null;
    if (source === 'title') {
      if (target.status !== 'out') return result;
      await deleteSampleRow(tx, enterpriseId);
    } else {
      if (target.status === 'in') return result;
      await upsertSampleRow(tx, { enterpriseId, status: 'in', reason, changedBy: officer.userId });
    }
    await writeAudit(tx, officer, {
      action: 'monitoring.sample_add',
      entityType: 'monitoring_sample',
      entityId: enterpriseId,
      before: { inSample: false, status: before, reason: target.reason ?? null },
      after: { enterpriseName: target.name, inSample: true, source, reason },
    });
    return result;
  });
}
