import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { clusterDuplicate } from './reference.errors.js';
import { insertCluster } from './reference.repo.js';
import type { ClusterInput } from './reference.schemas.js';

export async function createCluster(ctx: AppContext, actor: Actor | null, input: ClusterInput) {
  const admin = requireAccess(actor, 'reference.manage');
  return ctx.db.transaction(async (tx) => {
    const created = await insertCluster(tx, input);
    if (!created) throw clusterDuplicate(input.code);
    await writeAudit(tx, admin, { action: 'cluster.create', entityType: 'cluster', entityId: input.code, after: created });
    return created;
  });
}
