import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/demo-data.js';
import { DEMO_ENTERPRISE } from '../../src/cli/demo-enterprises.js';
import type { Database } from '../../src/db/database.js';
import { openMigratedDatabase } from '../../src/db/migrate.js';
import { aggregateRowKey, computeAggregateRows, selectStoredAggregateRows } from '../../src/modules/monitoring/aggregates.repo.js';

// The demo's monthly reports (npm run demo / first start): the sample reports 2024-01…2026-10, November
// 2026 is open (the demo enterprise has still to report it), a few wait for an explanation, and the
// aggregates agree with the rows.
describe('demo monthly reports', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openMigratedDatabase({} as never);
    await seedDemo(database, { enterprises: 400, seed: 42, monitoring: true });
  }, 300_000);
  afterAll(async () => {
    await database?.close();
  });

  it('covers the titled sample month after month, leaves November open, and keeps the aggregates', async () => {
    const [r] = await database.query<Record<string, number>>(
      `select count(*)::int as reports,
              count(distinct enterprise_id)::int as firms,
              min(year * 100 + month)::int as first, max(year * 100 + month)::int as last,
              count(*) filter (where status = 'needs_explanation')::int as waiting,
              count(*) filter (where late)::int as late,
              count(*) filter (where year = 2026 and month = 11)::int as november,
              count(*) filter (where year = 2026 and month = 10)::int as october,
              count(*) filter (where year = 2024 and month = 1 and submitted_at < '2024-02-20' and submitted_at > '2024-01-31')::int as january
         from monitoring_reports`,
    );
    expect(r.first).toBe(202401);
    expect(r.last).toBe(202611);
    expect(r.late).toBeGreaterThan(0);
    // Submitted around their due dates (2024-01's: 2024-02-10 or the next working day), not at seeding time.
    expect(r.january).toBeGreaterThan(0);
    expect(r.november).toBeGreaterThan(0);
    expect(r.november).toBeLessThan(r.october);
    // Every titled enterprise reports October 2026.
    const [titled] = await database.query<{ missing: number }>(
      `select count(*)::int as missing from enterprises e where e.current_tier is not null
         and not exists (select 1 from monitoring_reports m where m.enterprise_id = e.id and m.year = 2026 and m.month = 10)`,
    );
    expect(titled.missing).toBe(0);
    const [demo] = await database.query<{ n: number; before: number }>(
      `select count(*) filter (where m.year = 2026 and m.month = 11)::int as n, count(*)::int as before
         from monitoring_reports m join enterprises e on e.id = m.enterprise_id where e.uscc = $1`,
      [DEMO_ENTERPRISE.uscc],
    );
    expect(demo).toEqual({ n: 0, before: 34 });
    // One version per report (two for the few revised after the due date).
    const [versions] = await database.query<{ missing: number }>(
      `select count(*)::int as missing from monitoring_reports m
         where not exists (select 1 from monitoring_report_versions v where v.enterprise_id = m.enterprise_id
                           and v.year = m.year and v.month = m.month and v.version = m.version)`,
    );
    expect(versions.missing).toBe(0);
    const keyed = (rows: Awaited<ReturnType<typeof computeAggregateRows>>) =>
      Object.fromEntries(rows.filter((x) => Object.values(x.sums).some((v) => v !== 0)).map((x) => [aggregateRowKey(x), x.sums]));
    expect(keyed(await selectStoredAggregateRows(database.db))).toEqual(keyed(await computeAggregateRows(database.db)));
  });
});
