import type { DbOrTx } from '../../db/database.js';
import {
  AGGREGATE_SUMS,
  type AggregateRow,
  aggregateRowKey,
  applyAggregateDeltas,
  type CellKey,
  lockEnterprisesForReports,
  rebuildAggregateRows,
  selectCellContributions,
} from './aggregates.repo.js';

export type ReportKey = { enterpriseId: string; year: number; month: number };

/**
 * Keeps monitoring_aggregates current around a write of reports. In tx: locks the enterprises of the
 * keys (serialising writers of the same firm, whose cells depend on each other's rows), captures the
 * contributions of every cell the keys touch (the key's period, and the same month a year later whose
 * matched sample uses it), runs write(), captures again and applies the net difference in ONE upsert
 * ordered by key. Set-based: one statement per capture, whether for 1 or 30,000 keys.
 * Must run inside a transaction (tx): the captures and the write must see the same locked state.
 */
export async function keepAggregates<T>(tx: DbOrTx, keys: ReportKey[], write: () => Promise<T>): Promise<T> {
  if (keys.length === 0) return write();
  const cells = new Map<string, CellKey>();
  for (const k of keys) {
    for (const year of [k.year, k.year + 1]) {
      const cell = { enterpriseId: k.enterpriseId, year, month: k.month };
      cells.set(`${cell.enterpriseId}|${year}|${k.month}`, cell);
    }
  }
  const cellList = [...cells.values()];
  await lockEnterprisesForReports(tx, [...new Set(keys.map((k) => k.enterpriseId))].sort());
  const before = await selectCellContributions(tx, cellList);
  const result = await write();
  const after = await selectCellContributions(tx, cellList);
  await applyAggregateDeltas(tx, netDifference(before, after));
  return result;
}

/** after − before per aggregate row; rows whose every delta is 0 are dropped. */
export function netDifference(before: AggregateRow[], after: AggregateRow[]): AggregateRow[] {
  const out = new Map<string, AggregateRow>();
  const add = (row: AggregateRow, sign: 1 | -1) => {
    const key = aggregateRowKey(row);
    let target = out.get(key);
    if (!target) {
      target = { ...row, sums: Object.fromEntries(AGGREGATE_SUMS.map((s) => [s, 0])) as AggregateRow['sums'] };
      out.set(key, target);
    }
    for (const s of AGGREGATE_SUMS) target.sums[s] += sign * row.sums[s];
  };
  for (const r of before) add(r, -1);
  for (const r of after) add(r, 1);
  return [...out.values()].filter((r) => AGGREGATE_SUMS.some((s) => r.sums[s] !== 0));
}

/** Recomputes monitoring_aggregates from the rows (all, or the given years): after COPY, repair, drift tests. */
export async function rebuildAggregates(db: DbOrTx, opts: { years?: number[] } = {}): Promise<void> {
  await db.transaction(async (tx) => {
    await rebuildAggregateRows(tx, opts.years);
  });
}
