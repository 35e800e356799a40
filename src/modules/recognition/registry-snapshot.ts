import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { getEnterpriseDetail } from '../enterprises/get-enterprise-detail.js';

/**
 * The registry's data of an enterprise as an application freezes it (and as officers compare it
 * now): the enterprise detail without its change history, and the same as plain JSON (`snapshot`,
 * what is stored). Scope-checked by the enterprises module (404 outside the actor's scope).
 */
export async function registrySnapshot(ctx: AppContext, actor: Actor, enterpriseId: string) {
  const { history: _history, ...detail } = await getEnterpriseDetail(ctx, actor, enterpriseId);
  const snapshot: Record<string, unknown> = JSON.parse(JSON.stringify(detail));
  return { detail, snapshot };
}
