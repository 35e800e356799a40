import type { AppContext } from '../../server/context.js';
import { notifyRoundOpening } from './notify-round-opening.js';
import { selectRoundsDueForOpening } from './rounds.repo.js';

/** Daily sweep: every round whose window is open on `today` and not yet notified sends its opening messages (once). */
export async function openDueRounds(ctx: AppContext, today: string): Promise<number> {
  let opened = 0;
  for (const round of await selectRoundsDueForOpening(ctx.db, today))
    if (await ctx.db.transaction((tx) => notifyRoundOpening(tx, round))) opened += 1;
  return opened;
}
