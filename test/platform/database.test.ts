import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

describe.each(DATABASE_KINDS)('database access on %s', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase(kind));
  });
  afterAll(() => drop());

  it.each(["it's", "'); drop table users; --", "back\\slash \\' quote", '重庆市荣昌区', '$1 $$ dollar'])(
    'passes %s through a prepared statement unchanged',
    async (value) => {
      const rows = await database.queryPrepared<{ v: string }>('echo_text', 'select $1::text as v', [value]);
      expect(rows).toEqual([{ v: value }]);
      expect(await database.query('select count(*)::int as n from users')).toEqual([{ n: expect.any(Number) }]);
    },
  );

  it('prepares a statement once when its first uses come together (parallel requests on a fresh process)', async () => {
    const all = await Promise.all(
      Array.from({ length: 4 }, (_, i) => database.queryPrepared<{ v: number }>('echo_parallel', 'select $1::int as v', [i])),
    );
    expect(all).toEqual([[{ v: 0 }], [{ v: 1 }], [{ v: 2 }], [{ v: 3 }]]);
  });

  it('passes numbers and null', async () => {
    const rows = await database.queryPrepared<{ a: number; b: string | null }>('echo_two', 'select $1::int as a, $2::text as b', [
      42,
      null,
    ]);
    expect(rows).toEqual([{ a: 42, b: null }]);
  });

  it('rolls back every write of a transaction that throws', async () => {
    const before = await database.query<{ n: number }>('select count(*)::int as n from clusters');
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute("insert into clusters (code, name, category, sort_order) values ('TMP1', '临时', 'rising', 999)");
        throw new Error('crash in the middle');
      }),
    ).rejects.toThrow('crash in the middle');
    expect(await database.query('select count(*)::int as n from clusters')).toEqual(before);
  });
});
