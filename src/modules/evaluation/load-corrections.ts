import type { Corrections } from '../../domain/evaluation/parameters.js';
import type { AppContext } from '../../server/context.js';
import { selectLatestVersions } from './rule-sets.repo.js';

/** The latest published corrections of every rule set (empty when none were published). */
export async function currentCorrections(ctx: AppContext): Promise<Corrections> {
  const rows = await selectLatestVersions(ctx.db);
  return Object.fromEntries(rows.map((r) => [r.ruleSet, { version: r.version, values: r.values as Record<string, number> }]));
}
