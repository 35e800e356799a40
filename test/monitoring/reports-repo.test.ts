import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGGREGATE_SUMS, type AggregateRow } from '../../src/modules/monitoring/aggregates.repo.js';
import {
  insertReportVersions,
  type ReportInsert,
  reportKey,
  selectReportsAround,
  upsertReports,
  writeReportIfVersion,
} from '../../src/modules/monitoring/reports.repo.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

// The bulk functions of the reports repo the import builds on: more keys than one statement takes.

describe.each(DATABASE_KINDS)('reports repo on %s', (kind) => {
  let h: Harness;
  let ids: string[];
  const row = (enterpriseId: string, year: number, month: number, revenueYtd: number): ReportInsert => ({
    enterpriseId,
    year,
    month,
    status: 'accepted',
    districtCode: '500153',
    tier: 'none',
    revenueYtd,
    profitYtd: 1,
    employees: 3,
    dueOn: '2030-01-10',
    enteredBy: 'district',
    checks: [{ id: 'margin', level: 'soft', field: 'profitYtd', message: '利润率' }],
    explanations: { margin: `说明 ${revenueYtd}` },
  });

  beforeAll(async () => {
    h = await startHarness(kind);
    ids = (await h.database.query<{ id: string }>('select id from enterprises order by id limit 60')).map((r) => r.id);
  });
  afterAll(() => h?.close());

  it('upserts 1,440 reports in chunks, reads each with last month and last year, and replaces them keeping first_submitted_at', async () => {
    // 60 enterprises × 2 years (2030, 2031) × 12 months.
    const rows: ReportInsert[] = [];
    for (const id of ids) for (const year of [2030, 2031]) for (let m = 1; m <= 12; m++) rows.push(row(id, year, m, year * 100 + m));
    await h.database.db.transaction((tx) => upsertReports(tx, rows));
    expect(await h.count('select count(*) as n from monitoring_reports where year in (2030, 2031)')).toBe(1440);

    const keys = ids.flatMap((enterpriseId) => [1, 7].map((month) => ({ enterpriseId, year: 2031, month })));
    const around = await selectReportsAround(h.database.db, keys);
    expect(around.size).toBe(120);
    const jan = around.get(reportKey({ enterpriseId: ids[5], year: 2031, month: 1 }));
    expect(jan?.current?.revenueYtd).toBe(203101);
    expect(jan?.lastMonth).toBeNull();
    expect(jan?.lastYear?.revenueYtd).toBe(203001);
    const jul = around.get(reportKey({ enterpriseId: ids[5], year: 2031, month: 7 }));
    expect(jul?.lastMonth?.revenueYtd).toBe(203106);
    expect(jul?.current?.explanations).toEqual({ margin: '说明 203107' });
    expect(jul?.current?.checks).toEqual([{ id: 'margin', level: 'soft', field: 'profitYtd', message: '利润率' }]);

    const [{ first }] = await h.database.query<{ first: string }>(
      'select first_submitted_at::text as first from monitoring_reports where enterprise_id = $1 and year = 2031 and month = 7',
      [ids[5]],
    );
    await new Promise((r) => setTimeout(r, 20));
    await h.database.db.transaction((tx) =>
      upsertReports(tx, [{ ...row(ids[5], 2031, 7, 9), firstSubmittedAt: new Date(), version: 2, status: 'needs_explanation' }]),
    );
    const [after] = await h.database.query<{ first: string; revenue: string; version: number; status: string }>(
      `select first_submitted_at::text as first, revenue_ytd::text as revenue, version, status
         from monitoring_reports where enterprise_id = $1 and year = 2031 and month = 7`,
      [ids[5]],
    );
    expect(after).toEqual({ first, revenue: '9', version: 2, status: 'needs_explanation' });
  });

  it('writes a report and its version row only at the version expected, and appends version rows in bulk', async () => {
    const id = ids[0];
    const versionRow = (version: number, revenueYtd: number) => ({
      enterpriseId: id,
      year: 2032,
      month: 1,
      version,
      status: 'accepted',
      values: { revenueYtd },
      action: version === 1 ? 'submit' : 'revise',
    });
    // Each write carries one aggregate delta (1 matched firm in a cell of 2032-01): kept only with a written report.
    const delta = {
      year: 2032,
      month: 1,
      unitKind: 'district' as const,
      unitCode: '500153',
      dim: 'all' as const,
      dimKey: 'all',
      sums: { ...Object.fromEntries(AGGREGATE_SUMS.map((s) => [s, 0])), matched: 1 } as AggregateRow['sums'],
    };
    const write = (revenue: number, version: number, expected: number) =>
      h.database.db.transaction((tx) =>
        writeReportIfVersion(tx, { ...row(id, 2032, 1, revenue), version }, expected, versionRow(version, revenue), [delta]),
      );
    expect(await write(5, 1, 0)).toBe(true);
    expect(await write(6, 1, 0)).toBe(false);
    expect(await write(7, 2, 1)).toBe(true);
    expect(await write(8, 2, 1)).toBe(false);
    const [r] = await h.database.query<{ revenue: string; version: number }>(
      'select revenue_ytd::text as revenue, version from monitoring_reports where enterprise_id = $1 and year = 2032',
      [id],
    );
    expect(r).toEqual({ revenue: '7', version: 2 });
    expect(
      await h.count(
        "select coalesce(sum(matched), 0) as n from monitoring_aggregates where year = 2032 and month = 1 and unit_code = '500153' and dim = 'all'",
      ),
    ).toBe(2);
    // A version row for each write that happened, none for the two that lost.
    const written = await h.database.query<{ version: number; values: { revenueYtd: number } }>(
      'select version, values from monitoring_report_versions where enterprise_id = $1 and year = 2032 order by version',
      [id],
    );
    expect(written).toEqual([
      { version: 1, values: { revenueYtd: 5 } },
      { version: 2, values: { revenueYtd: 7 } },
    ]);

    const versions = Array.from({ length: 1200 }, (_, i) => ({
      enterpriseId: id,
      year: 2033,
      month: 1,
      version: i + 1,
      status: 'accepted',
      values: { revenueYtd: i },
      action: 'import',
    }));
    await h.database.db.transaction((tx) => insertReportVersions(tx, versions));
    expect(await h.count('select count(*) as n from monitoring_report_versions where enterprise_id = $1 and year = 2033', [id])).toBe(1200);
    const [v] = await h.database.query<{ values: unknown; after_due: boolean }>(
      'select values, after_due from monitoring_report_versions where enterprise_id = $1 and year = 2033 and version = 1200',
      [id],
    );
    expect(v).toEqual({ values: { revenueYtd: 1199 }, after_due: false });
  });
});
