import type { DbOrTx } from '../../db/database.js';
import type { Tier } from '../../domain/evaluation/types.js';
import { selectQualifiedEnterpriseIds } from './pool.repo.js';

/**
 * 主动发现: the enterprises the 后备库 (latest stored evaluations) finds already qualified for a tier
 * they do not hold, in every district. For the recognition round's invitations (system work, no actor).
 */
export function listQualifiedCandidates(db: DbOrTx, tier: Tier): Promise<string[]> {
  return selectQualifiedEnterpriseIds(db, tier);
}
