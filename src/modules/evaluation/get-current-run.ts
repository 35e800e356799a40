import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { type RunRow, selectLatestRun } from './evaluation.repo.js';
import { scopeKeyOf } from './run-scope.js';

/** The latest batch run of the actor's scope (the pool page shows it on load, running or not); null before the first. */
export async function currentRun(ctx: AppContext, actor: Actor | null): Promise<RunRow | null> {
  const who = requireAccess(actor, 'evaluation.pool');
  return (await selectLatestRun(ctx.db, scopeKeyOf(who))) ?? null;
}
