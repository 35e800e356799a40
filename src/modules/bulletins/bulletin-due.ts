import type { DbOrTx } from '../../db/database.js';
import { type BulletinPeriod, periodContaining, previousBulletinPeriod } from '../../domain/bulletins/periods.js';
import { selectRevisions } from './bulletins.repo.js';

/**
 * The 通报 the city owes on `today` (for the workbench): the quarter just ended while it is not
 * published (the formal quarterly 通报, due in the quarter's next month), else last month's working
 * 通报 while it is not published; null when both are out. No actor: the caller checks access.
 */
export async function bulletinDue(
  db: DbOrTx,
  today: string,
): Promise<{ periodKind: 'month' | 'quarter'; period: string; label: string } | null> {
  const lastMonth = previousBulletinPeriod(periodContaining('month', today));
  const lastQuarter = previousBulletinPeriod(periodContaining('quarter', today));
  const candidates: BulletinPeriod[] = [];
  // The quarter is due in the month after it ends (January, April, July, October).
  if (lastQuarter.endsOn === lastMonth.endsOn) candidates.push(lastQuarter);
  candidates.push(lastMonth);
  for (const p of candidates) {
    const published = await selectRevisions(db, p.kind, p.key);
    if (published.length === 0)
      return { periodKind: p.kind, period: p.key, label: `${p.label}${p.kind === 'quarter' ? '通报' : '工作通报'}` };
  }
  return null;
}
