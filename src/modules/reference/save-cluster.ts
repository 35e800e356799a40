import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { AppError, notFound, versionConflict } from '../../server/errors.js';
import { insertCluster, selectCluster, updateCluster } from './reference.repo.js';

export const CLUSTER_CATEGORIES = ['leading', 'pillar', 'featured', 'rising'] as const;

export interface ClusterInput {
  code: string;
  name: string;
  category: (typeof CLUSTER_CATEGORIES)[number];
  sortOrder: number;
  active: boolean;
  note?: string | null;
}

export async function createCluster(ctx: AppContext, actor: Actor | null, input: ClusterInput) {
  const admin = requireAccess(actor, 'reference.manage');
  return ctx.db.transaction(async (tx) => {
    const created = await insertCluster(tx, input);
    if (!created) throw new AppError('CLUSTER_DUPLICATE', 409, `集群代码 ${input.code} 已存在`, { field: 'code' });
    await writeAudit(tx, admin, { action: 'cluster.create', entityType: 'cluster', entityId: input.code, after: created });
    return created;
  });
}

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
