import { annualUpdateDueOn, defaultAnnualUpdateDueOn } from '../../domain/recognition/annual-update.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { selectDeadlineSettings } from './annual-updates.repo.js';

/** A data year's deadline as it stands (the city's setting or the rule regime's default). Officers. */
export async function getAnnualUpdateDeadline(ctx: AppContext, actor: Actor | null, dataYear: number) {
  requireAccess(actor, 'recognition.annual.read');
  const settings = await selectDeadlineSettings(ctx.db, [dataYear]);
  return {
    dataYear,
    dueOn: annualUpdateDueOn(dataYear, settings),
    defaultDueOn: defaultAnnualUpdateDueOn(dataYear),
    source: settings.has(dataYear) ? ('setting' as const) : ('default' as const),
  };
}
