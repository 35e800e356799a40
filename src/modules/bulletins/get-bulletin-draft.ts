import { todayInShanghai } from '../../domain/dates.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { readerFor } from '../../server/read-replica.js';
import { listDistricts } from '../reference/list-districts.js';
import { buildBulletinDraft } from './build-bulletin-draft.js';
import { selectRevisions } from './bulletins.repo.js';
import type { BulletinDraft } from './bulletins.schemas.js';
import { loadBulletinSettings } from './load-bulletin-settings.js';
import { resolvePeriod } from './resolve-period.js';

/**
 * The draft 通报 of a month or quarter: the city's (a district reads the published ones only, the
 * draft is absent to it). Read from the replica when there is one (figures may lag a few seconds).
 */
export async function getBulletinDraft(
  ctx: AppContext,
  actor: Actor | null,
  q: { periodKind: 'month' | 'quarter'; period: string },
): Promise<BulletinDraft> {
  const who = requireAccess(actor, 'bulletins.read');
  if (who.role !== 'city_admin') throw notFound();
  const period = resolvePeriod(q.periodKind, q.period, todayInShanghai());
  const db = await readerFor(ctx);
  const [{ settings }, units, published] = await Promise.all([
    loadBulletinSettings(db),
    listDistricts(ctx, who),
    selectRevisions(ctx.db, period.kind, period.key),
  ]);
  const draft = await buildBulletinDraft(db, { period, settings, units, today: todayInShanghai() });
  return { ...draft, published };
}
