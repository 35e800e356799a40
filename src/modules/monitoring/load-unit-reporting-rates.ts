import type { DbOrTx } from '../../db/database.js';
import { type PeriodRef, selectPlaceReportCounts, selectPlaceSampleCounts } from './chasing.repo.js';

/**
 * 上报率 and 及时率 per unit (district or functional zone: an enterprise counts in both) over the
 * report months given, for the 通报: enterprise-months of today's sample (the sample × the months),
 * the reports of those months counted (已通过 / 待说明) and those on time, placed where they were
 * reported. No actor: the caller checks access.
 */
export async function loadUnitReportingRates(db: DbOrTx, months: PeriodRef[]) {
  // One after the other: the 通报's publication calls it on a transaction's single connection.
  const sample = await selectPlaceSampleCounts(db);
  const reports = await selectPlaceReportCounts(db, months);
  const out = new Map<string, { sample: number; reported: number; onTime: number }>();
  const add = (code: string | null, f: (c: { sample: number; reported: number; onTime: number }) => void) => {
    if (!code) return;
    const c = out.get(code) ?? { sample: 0, reported: 0, onTime: 0 };
    f(c);
    out.set(code, c);
  };
  for (const s of sample)
    for (const code of [s.districtCode, s.zoneCode])
      add(code, (c) => {
        c.sample += s.n * months.length;
      });
  for (const r of reports)
    for (const code of [r.districtCode, r.zoneCode])
      add(code, (c) => {
        c.reported += r.reported;
        c.onTime += r.onTime;
      });
  return out;
}
