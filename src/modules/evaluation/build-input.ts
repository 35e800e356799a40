import { todayInShanghai } from '../../domain/dates.js';
import type { EvaluationInput } from '../../domain/evaluation/types.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { getEnterpriseDetail } from '../enterprises/get-enterprise-detail.js';
import { inputFromRegistry } from './registry-input.js';

/** The evaluation input of one registry enterprise (the self-assessment form starts from it). Scope-checked. */
export async function buildEvaluationInput(
  ctx: AppContext,
  actor: Actor | null,
  enterpriseId: string,
  date = todayInShanghai(),
): Promise<EvaluationInput> {
  const e = await getEnterpriseDetail(ctx, actor, enterpriseId);
  return inputFromRegistry(e, date);
}
