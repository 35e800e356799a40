import type { DbOrTx } from '../../db/database.js';
import { selectUnitReviewOutcomes } from './applications-review.repo.js';

/**
 * 复核通过率 per unit (district or functional zone), for the 通报: the 复核 applications of the rounds
 * announced from 1 January of asOf's year to asOf that have a result, and how many passed. No actor:
 * the caller checks access.
 */
export async function loadUnitReviewPassRates(db: DbOrTx, asOf: string) {
  const from = `${asOf.slice(0, 4)}-01-01`;
  const rows = await selectUnitReviewOutcomes(db, { from, to: asOf });
  return { from, to: asOf, byUnit: new Map(rows.map((r) => [r.unitCode, { decided: r.decided, passed: r.passed }])) };
}
