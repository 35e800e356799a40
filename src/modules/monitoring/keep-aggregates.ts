import type { DbOrTx } from '../../db/database.js';
import {
  AGGREGATE_SUMS,
  type AggregateRow,
  aggregateRowKey,
  applyAggregateDeltas,
  type CellKey,
  type ContributingRow,
  contributionsOf,
  lockEnterprisesForReports,
  rebuildAggregateRows,
} from './aggregates.repo.js';
import { type ReportRef, type ReportRow, refsAround, reportKey, selectReportRows } from './reports.repo.js';

export type ReportKey = { enterpriseId: string; year: number; month: number };

/** The cells a write of these keys touches: the key's period, and the same month a year later whose matched sample uses it. */
function cellsOf(keys: ReportKey[]): CellKey[] {
  const cells = new Map<string, CellKey>();
  for (const k of keys)
    for (const year of [k.year, k.year + 1]) cells.set(reportKey({ ...k, year }), { enterpriseId: k.enterpriseId, year, month: k.month });
  return [...cells.values()];
}

/** The rows the cells' contributions read: each cell and its year before. */
const rowsOfCells = (cells: CellKey[]): ReportRef[] => cells.flatMap((c) => [c, { ...c, year: c.year - 1 }]);

const lockFirms = (tx: DbOrTx, keys: ReportKey[]) => lockEnterprisesForReports(tx, [...new Set(keys.map((k) => k.enterpriseId))].sort());

/**
 * Keeps monitoring_aggregates current around a write of reports. In tx: locks the enterprises of the
 * keys (serialising writers of the same firm, whose cells depend on each other's rows), captures the
 * contributions of every cell the keys touch, runs write(), captures again and applies the net
 * difference in ONE upsert ordered by key. Set-based: one statement per capture, whether for 1 or
 * 30,000 keys. Must run inside a transaction (tx): the captures and the write must see the same locked state.
 */
export async function keepAggregates<T>(tx: DbOrTx, keys: ReportKey[], write: () => Promise<T>): Promise<T> {
  if (keys.length === 0) return write();
  const cells = cellsOf(keys);
  const refs = rowsOfCells(cells);
  await lockFirms(tx, keys);
  const before = contributionsOf(cells, await selectReportRows(tx, refs));
  const result = await write();
  const after = contributionsOf(cells, await selectReportRows(tx, refs));
  await applyAggregateDeltas(tx, netDifference(before, after));
  return result;
}

/**
 * The same for a single report's PUT, whose cost is its round trips. The caller has locked the keys'
 * enterprises in tx already (loadReportContext with lock: the lock is its read of the enterprise).
 * One read serves both the write (the key's report and the two its checks compare with, passed to
 * write) and the capture before. write() computes the rows it will store, asks deltasFor(rows) for
 * the net difference they make (the capture after is the read with those rows in place) and must
 * store the deltas in the same statement as the rows (writeReportIfVersion), only reports of the keys.
 */
export async function keepAggregatesOfWrite<T>(
  tx: DbOrTx,
  keys: ReportKey[],
  write: (rows: Map<string, ReportRow>, deltasFor: (written: ContributingRow[]) => AggregateRow[]) => Promise<T>,
): Promise<T> {
  const cells = cellsOf(keys);
  const rows: Map<string, ContributingRow> = await selectReportRows(tx, [...rowsOfCells(cells), ...keys.flatMap(refsAround)]);
  const before = contributionsOf(cells, rows);
  const keySet = new Set(keys.map(reportKey));
  const deltasFor = (written: ContributingRow[]) => {
    const after = new Map(rows);
    for (const w of written) {
      if (!keySet.has(reportKey(w))) throw new Error(`keepAggregatesOfWrite: wrote ${reportKey(w)}, not one of its keys`);
      after.set(reportKey(w), w);
    }
    return netDifference(before, contributionsOf(cells, after));
  };
  return write(rows as Map<string, ReportRow>, deltasFor);
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
