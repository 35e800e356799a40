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
 * The same for a write that says which rows it stored (a single report's PUT: the round trips are
 * its cost). One read, after the lock, serves both the write (the key's report and the two its checks
 * compare with, passed to write) and the capture before; the capture after is that read with the
 * written rows in place, so no second read. write() must store reports of the keys only, and return
 * each stored row whole.
 */
export async function keepAggregatesOfWrite<T>(
  tx: DbOrTx,
  keys: ReportKey[],
  write: (rows: Map<string, ReportRow>) => Promise<{ result: T; written: ContributingRow[] }>,
): Promise<T> {
  const cells = cellsOf(keys);
  await lockFirms(tx, keys);
  const rows: Map<string, ContributingRow> = await selectReportRows(tx, [...rowsOfCells(cells), ...keys.flatMap(refsAround)]);
  const before = contributionsOf(cells, rows);
  const { result, written } = await write(rows as Map<string, ReportRow>);
  const keySet = new Set(keys.map(reportKey));
  for (const w of written) {
    if (!keySet.has(reportKey(w))) throw new Error(`keepAggregatesOfWrite: wrote ${reportKey(w)}, not one of its keys`);
    rows.set(reportKey(w), w);
  }
  await applyAggregateDeltas(tx, netDifference(before, contributionsOf(cells, rows)));
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
