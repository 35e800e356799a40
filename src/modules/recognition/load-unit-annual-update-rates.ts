import type { DbOrTx } from '../../db/database.js';
import { annualUpdateDueOn } from '../../domain/recognition/annual-update.js';
import { selectDeadlineSettings, selectUnitHolderUpdateCounts } from './annual-updates.repo.js';
import { dueDataYear } from './get-my-annual-update.js';

/**
 * 年度信息更新完成率 per unit (district or functional zone) as of `asOf`, for the 通报: the data year
 * due in asOf's year (last year's figures), the holders of a title on the deadline (or on asOf while
 * it is open) and how many of them had updated by asOf. No actor: the caller checks access.
 */
export async function loadUnitAnnualUpdateRates(db: DbOrTx, asOf: string) {
  const dataYear = dueDataYear(asOf);
  const dueOn = annualUpdateDueOn(dataYear, await selectDeadlineSettings(db, [dataYear]));
  const day = asOf < dueOn ? asOf : dueOn;
  const rows = await selectUnitHolderUpdateCounts(db, { day, dataYear, updatedBy: asOf });
  return { dataYear, dueOn, byUnit: new Map(rows.map((r) => [r.unitCode, { holders: r.holders, updated: r.updated }])) };
}
