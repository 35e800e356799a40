import { parseBulletinPeriod } from '../../domain/bulletins/periods.js';
import type { Actor } from '../../server/access.js';
import type { BulletinRow } from './bulletins.repo.js';
import type { BulletinResult, BulletinSnapshot } from './bulletins.schemas.js';

type ListFields = Pick<
  BulletinRow,
  'id' | 'periodKind' | 'period' | 'revision' | 'correctsId' | 'title' | 'documentNo' | 'asOf' | 'publishedAt'
>;

/** The reader's own unit (a district officer's 区县 or zone), or null. */
export const ownUnitOf = (actor: Actor) => (actor.role === 'district_admin' ? actor.districtCode : null);

export function presentListItem(row: ListFields, own: { rank: number; total: number } | null) {
  return {
    id: row.id,
    periodKind: row.periodKind as 'month' | 'quarter',
    period: row.period,
    periodLabel: parseBulletinPeriod(row.periodKind as 'month' | 'quarter', row.period)?.label ?? row.period,
    revision: row.revision,
    correctsId: row.correctsId,
    title: row.title,
    documentNo: row.documentNo,
    asOf: row.asOf,
    publishedAt: row.publishedAt.toISOString(),
    own,
  };
}

/** A published 通报 as frozen, with the reader's own row marked. */
export function presentBulletin(row: BulletinRow, actor: Actor): BulletinResult {
  const snapshot = row.snapshot as BulletinSnapshot;
  const ownCode = ownUnitOf(actor);
  const own = ownCode ? snapshot.units.find((u) => u.code === ownCode) : undefined;
  return {
    ...presentListItem(row, own ? { rank: own.rank, total: own.total } : null),
    snapshot,
    ownUnitCode: ownCode,
  };
}
