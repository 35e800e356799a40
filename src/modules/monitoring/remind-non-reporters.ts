import { todayInShanghai } from '../../domain/dates.js';
import { formatPeriod, isFuturePeriod, parsePeriod } from '../../domain/monitoring/periods.js';
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { claimManualReminders, countNonReporters, selectIdsInScope } from './chasing.repo.js';
import { loadDueDates } from './load-due-date.js';
import { chasePeriodFuture } from './monitoring.errors.js';
import { sendReminderMessages } from './reminder-messages.js';

/**
 * 再次提醒: reminds the non-reporters of the month in the officer's scope (all, or those chosen):
 * at most once per enterprise and day; those reminded today already are counted as skipped, as
 * are chosen enterprises that have reported meanwhile. A chosen id outside the scope → 404.
 */
export async function remindNonReporters(ctx: AppContext, actor: Actor | null, input: { period: string; enterpriseIds?: string[] }) {
  const officer = requireAccess(actor, 'monitoring.chase');
  const period = parsePeriod(input.period);
  if (!period) throw notFound();
  if (isFuturePeriod(period)) throw chasePeriodFuture();
  const scope = scopeOf(officer);
  const ids = input.enterpriseIds ? [...new Set(input.enterpriseIds)] : undefined;
  if (ids) {
    const inScope = await selectIdsInScope(ctx.db, scope, ids);
    if (ids.some((id) => !inScope.has(id))) throw notFound();
  }
  const {
    dueOn: [dueOn],
  } = await loadDueDates(ctx.db, [period]);
  const today = todayInShanghai();
  return ctx.db.transaction(async (tx) => {
    const addressed = ids ? ids.length : await countNonReporters(tx, scope, period);
    const reminded = await claimManualReminders(tx, scope, {
      ...period,
      ids,
      day: today,
      sentBy: officer.userId,
      districtCode: officer.districtCode,
    });
    await sendReminderMessages(tx, reminded, { ...period, kind: 'manual', dueOn, today });
    if (reminded.length > 0)
      await writeAudit(tx, officer, {
        action: 'monitoring.remind',
        entityType: 'monitoring_report',
        entityId: formatPeriod(period),
        after: { period: formatPeriod(period), reminded: reminded.length, enterpriseIds: reminded.slice(0, 200) },
      });
    return { reminded: reminded.length, skipped: Math.max(0, addressed - reminded.length) };
  });
}
