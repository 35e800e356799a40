import { writeAudits } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { expireTitles, refreshCurrentTiers } from '../enterprises/titles.repo.js';

/**
 * Daily sweep: titles whose validity ended before `today` expire (ended_on = validUntil) and the
 * enterprises' current tiers follow. Titles under 复核 stay valid until the result. One audit row
 * per title.
 */
export function expireEndedTitles(ctx: AppContext, today: string): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const expired = await expireTitles(tx, today);
    await refreshCurrentTiers(
      tx,
      expired.map((t) => t.enterpriseId),
      today,
    );
    await writeAudits(
      tx,
      null,
      expired.map((t) => ({
        action: 'title.expire' as const,
        entityType: 'enterprise_title',
        entityId: t.id,
        before: { status: 'valid' },
        after: { status: 'expired', enterpriseId: t.enterpriseId, endedOn: t.validUntil },
      })),
    );
    return expired.length;
  });
}
