import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitoringReports } from '../../src/db/schema/index.js';
import {
  type AggregateRow,
  aggregateRowKey,
  computeAggregateRows,
  selectStoredAggregateRows,
} from '../../src/modules/monitoring/aggregates.repo.js';
import { keepAggregates, rebuildAggregates } from '../../src/modules/monitoring/keep-aggregates.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

type Insert = typeof monitoringReports.$inferInsert;

/** Non-zero rows of a list of aggregates, by key, for comparison. */
function nonZero(rows: AggregateRow[]): Record<string, AggregateRow['sums']> {
  const out: Record<string, AggregateRow['sums']> = {};
  for (const r of rows) if (Object.values(r.sums).some((v) => v !== 0)) out[aggregateRowKey(r)] = r.sums;
  return out;
}

describe.each(DATABASE_KINDS)('keepAggregates on %s', (kind) => {
  let h: Harness;
  let firms: { id: string; district: string; zone: string | null }[];
  const YEARS = [2090, 2091];

  const report = (enterpriseId: string, year: number, month: number, over: Partial<Insert> = {}): Insert => {
    const firm = firms.find((f) => f.id === enterpriseId);
    if (!firm) throw new Error('no firm');
    return {
      enterpriseId,
      year,
      month,
      status: 'accepted',
      districtCode: firm.district,
      zoneCode: firm.zone,
      industryCode: null,
      sectionCode: 'C',
      clusterCode: null,
      sizeClass: 'small',
      tier: 'srdi',
      revenueYtd: 1000,
      profitYtd: 100,
      employees: 10,
      dueOn: `${year}-${String(month).padStart(2, '0')}-28`,
      enteredBy: 'enterprise',
      ...over,
    };
  };
  const upsert = (row: Insert) =>
    h.database.db.transaction((tx) =>
      keepAggregates(tx, [{ enterpriseId: row.enterpriseId, year: row.year, month: row.month }], async () => {
        const { enterpriseId: _e, year: _y, month: _m, ...rest } = row;
        await tx
          .insert(monitoringReports)
          .values(row)
          .onConflictDoUpdate({
            target: [monitoringReports.enterpriseId, monitoringReports.year, monitoringReports.month],
            set: rest,
          });
      }),
    );
  const stored = async () => nonZero(await selectStoredAggregateRows(h.database.db, YEARS));
  const computed = async () => nonZero(await computeAggregateRows(h.database.db, YEARS));

  beforeAll(async () => {
    h = await startHarness(kind);
    firms = (
      await h.database.query<{ id: string; district: string; zone: string | null }>(
        `select id, district_code as district, zone_code as zone from enterprises
         order by (zone_code is null), id limit 4`,
      )
    ).map((r) => r);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('adds a matched pair with literal sums, in the district and the zone, under every dim', async () => {
    const [a] = firms;
    expect(a.zone, 'the first firm has a zone').not.toBeNull();
    await upsert(report(a.id, 2090, 3, { revenueYtd: 800, profitYtd: 50, employees: 9, outputYtd: 700 }));
    // Only last year's report: the 2090 cell has no prior year → unmatched; nothing matched yet.
    let rows = await stored();
    const cell = (unitKind: string, unit: string, dim: string, key: string, year = 2091) =>
      rows[aggregateRowKey({ year, month: 3, unitKind: unitKind as 'district', unitCode: unit, dim: dim as 'all', dimKey: key })];
    expect(cell('district', a.district, 'all', '', 2090)?.unmatched).toBe(1);
    expect(cell('district', a.district, 'all', '', 2090)?.matched).toBe(0);
    // This year's report: matched against 2090 (800 → 1000 revenue, 50 → 100 profit); output only in 2090 → not counted.
    await upsert(report(a.id, 2091, 3, { surveyOrders: 'up', surveyEmployment: 'flat' }));
    rows = await stored();
    for (const [unitKind, unit] of [
      ['district', a.district],
      ['zone', a.zone as string],
    ]) {
      for (const [dim, key] of [
        ['all', ''],
        ['tier', 'srdi'],
        ['district', a.district],
        ['industry', ''],
        ['section', 'C'],
        ['cluster', ''],
        ['size', 'small'],
      ]) {
        const c = cell(unitKind, unit, dim, key);
        expect(c, `${unitKind} ${dim}`).toBeDefined();
        expect(c).toMatchObject({
          matched: 1,
          unmatched: 0,
          revenue_cur: 1000,
          revenue_prev: 800,
          profit_cur: 100,
          profit_prev: 50,
          employees_cur: 10,
          employees_prev: 9,
          output_cur: 0,
          output_prev: 0,
          orders_up: 1,
          orders_answered: 1,
          employment_up: 0,
          employment_answered: 1,
          financing_answered: 0,
        });
      }
    }
    expect(await stored()).toEqual(await computed());
  });

  it('follows revisions, returns and revisions of the previous year, and equals a rebuild', async () => {
    const [a, b, c] = firms;
    await upsert(report(b.id, 2091, 3, { revenueYtd: 5000 }));
    await upsert(report(b.id, 2090, 3, { revenueYtd: 4000 })); // the previous year later: 2091's cell becomes matched
    await upsert(report(a.id, 2090, 3, { revenueYtd: 900, revisedAfterDue: true }));
    await upsert(report(c.id, 2091, 3, { status: 'needs_explanation' }));
    await upsert(report(b.id, 2091, 3, { revenueYtd: 5000, status: 'returned' }));
    expect(await stored()).toEqual(await computed());
    const all = (await stored())[
      aggregateRowKey({ year: 2091, month: 3, unitKind: 'district', unitCode: a.district, dim: 'all', dimKey: '' })
    ];
    // a: 900 → 1000 (revised in 2090); b returned (not counted); c needs explanation (not counted).
    if (b.district !== a.district && c.district !== a.district) {
      expect(all).toMatchObject({ matched: 1, revenue_cur: 1000, revenue_prev: 900, revised: 1 });
    }
    // Deletion of a row inside keepAggregates takes its contributions out.
    await h.database.db.transaction((tx) =>
      keepAggregates(tx, [{ enterpriseId: a.id, year: 2090, month: 3 }], async () => {
        await tx
          .delete(monitoringReports)
          .where(and(eq(monitoringReports.enterpriseId, a.id), eq(monitoringReports.year, 2090), eq(monitoringReports.month, 3)));
      }),
    );
    expect(await stored()).toEqual(await computed());
    // A bulk write of many keys at once (as the import does).
    await h.database.db.transaction((tx) =>
      keepAggregates(
        tx,
        firms.flatMap((f) => [1, 2].map((month) => ({ enterpriseId: f.id, year: 2091, month }))),
        async () => {
          for (const f of firms) for (const month of [1, 2]) await tx.insert(monitoringReports).values(report(f.id, 2091, month));
        },
      ),
    );
    expect(await stored()).toEqual(await computed());
    // Damage the table, then rebuild: equal to the computation again.
    await h.database.db.execute(sql`update monitoring_aggregates set revenue_cur = revenue_cur + 7 where year = 2091`);
    expect(await stored()).not.toEqual(await computed());
    await rebuildAggregates(h.database.db, { years: YEARS });
    expect(await stored()).toEqual(await computed());
  });

  it('keeps concurrent writers of the same firm and month in adjacent years consistent', async () => {
    const [, , , d] = firms;
    await Promise.all([upsert(report(d.id, 2090, 7, { revenueYtd: 111 })), upsert(report(d.id, 2091, 7, { revenueYtd: 222 }))]);
    expect(await stored()).toEqual(await computed());
  });
});
