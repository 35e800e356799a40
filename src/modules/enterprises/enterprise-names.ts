import type { AppContext } from '../../server/context.js';
import { selectEnterpriseNames } from './enterprises.repo.js';

/**
 * The names of enterprises whose ids another module holds (an expert's conflicts and assignments),
 * for display. No scope of its own: the caller shows only ids it was allowed to keep.
 */
export async function enterpriseNames(ctx: AppContext, ids: string[]): Promise<Map<string, string>> {
  const rows = await selectEnterpriseNames(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
