import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound, versionConflict } from '../../server/errors.js';
import { selectCluster, updateCluster } from './reference.repo.js';
import type { ClusterInput } from './reference.schemas.js';

export async function changeCluster(
  ctx: AppContext,
  actor: Actor | null,
  code: string,
  version: number,
  changes: Partial<Omit<ClusterInput, 'code'>>,
) {
  const admin = requireAccess(actor, 'reference.manage');
  return ctx.db.transaction(async (tx) => {
    const before = await selectCluster(tx, code);
    if (!before) throw notFound();
    const after = await updateCluster(tx, code, version, changes);
    if (!after) throw versionConflict();
    await writeAudit(tx, admin, { action: 'cluster.update', entityType: 'cluster', entityId: code, before, after });
    return after;
  });
}
