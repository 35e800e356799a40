import type { DbOrTx } from '../../db/database.js';
import { type PeriodRef, selectUnitRateCounts } from './chasing.repo.js';

/**
 * 上报率 and 及时率 per unit (district or functional zone) over the report months given, for the 通报:
 * enterprise-months of today's sample, those reported (已通过 / 待说明) and those on time. No actor:
 * the caller checks access.
 */
export async function loadUnitReportingRates(db: DbOrTx, months: PeriodRef[]) {
  const rows = await selectUnitRateCounts(db, months);
  return new Map(rows.map((r) => [r.unitCode, { sample: r.sample, reported: r.reported, onTime: r.onTime }]));
}
