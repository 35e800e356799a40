import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { type RunRow, selectRun } from './evaluation.repo.js';
import { mayReadRun } from './run-scope.js';

export async function getRun(ctx: AppContext, actor: Actor | null, id: string): Promise<RunRow> {
  const who = requireAccess(actor, 'evaluation.pool');
  const run = await selectRun(ctx.db, id);
  if (!run || !mayReadRun(who, run)) throw notFound();
  return run;
}
