import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countTitleHolders, holdsTitle } from '../../src/modules/enterprises/registry-counts.repo.js';
import { countRegistry, tallyRegistry } from '../../src/modules/enterprises/registry-figures.repo.js';
import { countOfUnit } from '../../src/modules/targets/load-target-progress.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

// The cockpit's registry tallies (migration 0023) are kept by triggers: after every kind of write the
// registry sees (enterprises added, moved and deleted; titles added in bulk, overlapping, revoked,
// under review, ended, extended, deleted) they must give what the list's definition counts directly,
// for the city, districts and zones, on days before, inside and after the titles' spans.

const R = '500153'; // 荣昌区
const Y = '500112'; // 渝北区
const LJ = 'LJXQ'; // 两江新区

// The list's title filter as SQL text with its parameters inlined (dates and tiers of this test only).
const dialect = new PgDialect();
function titleFilterText(tier: string, day: string, since?: string): string {
  const q = dialect.sqlToQuery(holdsTitle(tier, day, since));
  return q.sql.replace(/\$(\d+)/g, (_, i) => `'${String(q.params[Number(i) - 1])}'`);
}
const inPlaceText = (place: string | undefined) => (place ? `(district_code = '${place}' or zone_code = '${place}')` : 'true');

describe.each(DATABASE_KINDS)('registry tallies on %s', (kind) => {
  let h: Harness;
  const days = [
    '2020-01-01',
    '2023-06-30',
    '2024-03-01',
    '2024-12-31',
    '2025-01-01',
    '2025-06-30',
    '2026-12-02',
    '2027-01-01',
    '2030-01-01',
  ];
  const places = [undefined, R, Y, LJ, '500101'];

  const expectTalliesMatch = async (what: string) => {
    for (const day of days)
      for (const place of places) {
        const direct = await countRegistry(h.database.db, { kind: 'all' }, place, day);
        const tallied = await tallyRegistry(h.database.db, place, day);
        expect(tallied, `${what}: ${place ?? '全市'} on ${day}`).toEqual(direct);
      }
    // The targets' counts per place, held and new since a day, against the list's filter (holdsTitle).
    for (const day of days.slice(2, 7))
      for (const since of [undefined, '2023-01-01', '2024-06-01', '2025-01-01']) {
        const tallied = await countTitleHolders(h.database.db, ['innovative', 'srdi', 'little_giant'], day, since);
        for (const tier of ['innovative', 'srdi', 'little_giant'])
          for (const place of places) {
            const listed = await h.database.query<{ n: number }>(
              `select count(*)::int as n from enterprises where ${inPlaceText(place)} and ${titleFilterText(tier, day, since)}`,
            );
            expect(countOfUnit(tallied, tier, place ?? null), `${what}: ${tier} ${place ?? '全市'} on ${day} since ${since}`).toBe(
              listed[0].n,
            );
          }
      }
  };

  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h?.close());

  it('equal the direct counts on the demo data, as the migration filled them', async () => {
    const [{ n }] = await h.owner.query<{ n: number }>('select count(*)::int as n from title_holding_spans');
    expect(n).toBeGreaterThan(0);
    await expectTalliesMatch('demo');
  });

  it('follow inserts, updates, moves and deletes of enterprises and titles', async () => {
    const ids = (
      await h.owner.query<{ id: string }>(
        `insert into enterprises (name, uscc, district_code, zone_code)
         select '计数测试企业' || g, '91500000TALLY' || lpad(g::text, 5, '0'), case when g % 2 = 0 then $1 else $2 end, case when g % 3 = 0 then $3 end
         from generate_series(1, 6) g returning id`,
        [R, Y, LJ],
      )
    ).map((r) => r.id);
    await expectTalliesMatch('enterprises added');

    // One statement, many titles: overlapping spans of one tier, a renewal that touches the last day,
    // one revoked, one under review past valid_until, one ended early, one revoked on a day.
    await h.owner.query(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status, source, revoked_on, ended_on) values
        ($1, 'srdi', 'municipal', '2023-01-01', '2025-12-31', 'valid', 'import', null, null),
        ($1, 'srdi', 'municipal', '2024-06-01', '2027-05-31', 'valid', 'import', null, null),
        ($2, 'innovative', 'municipal', '2022-01-01', '2024-12-31', 'expired', 'import', null, null),
        ($2, 'innovative', 'municipal', '2025-01-01', '2027-12-31', 'valid', 'import', null, null),
        ($3, 'little_giant', 'national', '2023-07-01', '2026-06-30', 'revoked', 'import', '2024-03-01', null),
        ($4, 'srdi', 'municipal', '2021-01-01', '2024-12-31', 'under_review', 'import', null, null),
        ($5, 'innovative', 'municipal', '2023-01-01', '2025-12-31', 'valid', 'import', null, '2024-03-01'),
        ($6, 'srdi', 'municipal', '2023-01-01', '2026-12-31', 'valid', 'import', '2025-01-01', null),
        ($6, 'little_giant', 'national', '2024-01-01', '2026-12-31', 'valid', 'import', null, null)`,
      ids,
    );
    await expectTalliesMatch('titles added');

    await h.owner.query(`update enterprise_titles set status = 'valid' where enterprise_id = $1`, [ids[3]]);
    await h.owner.query(`update enterprise_titles set valid_until = '2029-12-31' where enterprise_id = $1 and tier = 'little_giant'`, [
      ids[5],
    ]);
    await h.owner.query(`update enterprise_titles set status = 'revoked', revoked_on = '2025-06-30' where enterprise_id = $1`, [ids[1]]);
    await expectTalliesMatch('titles changed');

    await h.owner.query(`update enterprises set district_code = $2, zone_code = $3 where id = $1`, [ids[0], R, LJ]);
    await h.owner.query(`update enterprises set zone_code = null where id = any($1::uuid[])`, [ids]);
    await h.owner.query(`update enterprises set name = name || '（更名）' where id = any($1::uuid[])`, [ids]);
    await expectTalliesMatch('enterprises moved');

    await h.owner.query(`delete from enterprise_titles where enterprise_id = $1 and recognised_on = '2024-06-01'`, [ids[0]]);
    await h.owner.query(`delete from enterprises where id = any($1::uuid[])`, [ids.slice(4)]);
    await expectTalliesMatch('titles and enterprises deleted');
    const [{ n }] = await h.owner.query<{ n: number }>(
      'select count(*)::int as n from title_holding_spans where enterprise_id = any($1::uuid[])',
      [ids.slice(4)],
    );
    expect(n).toBe(0);
  });

  it('are rolled back with the transaction that changed the rows', async () => {
    const before = await tallyRegistry(h.database.db, R, '2026-12-02');
    await expect(
      h.database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into enterprises (name, uscc, district_code) values ('回滚测试企业', '91500000ROLLBACK1', ${R})`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await tallyRegistry(h.database.db, R, '2026-12-02')).toEqual(before);
  });
});
