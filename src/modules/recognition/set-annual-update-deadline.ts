import { defaultAnnualUpdateDueOn } from '../../domain/recognition/annual-update.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { upsertDeadline } from './annual-updates.repo.js';
import { annualDeadlineInvalid } from './recognition.errors.js';

/**
 * The city sets the deadline of a data year's annual update (a setting: capabilities.md §1.1 row 18;
 * the rule regime's date is the default). The date lies in the year after the data year.
 */
export async function setAnnualUpdateDeadline(ctx: AppContext, actor: Actor | null, dataYear: number, dueOn: string) {
  const who = requireAccess(actor, 'recognition.annual.deadline');
  if (dueOn.slice(0, 4) !== String(dataYear + 1)) throw annualDeadlineInvalid(dataYear);
  return ctx.db.transaction(async (tx) => {
    const { before, row } = await upsertDeadline(tx, dataYear, dueOn, who.userId);
    await writeAudit(tx, who, {
      action: 'recognition.annual_update_deadline',
      entityType: 'annual_update_deadline',
      entityId: String(dataYear),
      before: before ? { dueOn: before.dueOn } : { dueOn: defaultAnnualUpdateDueOn(dataYear) },
      after: { dueOn: row.dueOn },
    });
    return { dataYear, dueOn: row.dueOn, defaultDueOn: defaultAnnualUpdateDueOn(dataYear), source: 'setting' as const };
  });
}
