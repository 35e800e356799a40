import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprises } from '../../src/db/schema/index.js';
import { inSampleCondition, isInSample } from '../../src/modules/monitoring/sample.repo.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

const ABSENT = '00000000-0000-4000-8000-000000000000';

describe.each(DATABASE_KINDS)('the monitored sample on %s', (kind) => {
  let h: Harness;
  let titled: string[];
  let untitled: string[];

  beforeAll(async () => {
    h = await startHarness(kind);
    titled = (await h.database.query<{ id: string }>('select id from enterprises where current_tier is not null order by id limit 2')).map(
      (r) => r.id,
    );
    untitled = (await h.database.query<{ id: string }>('select id from enterprises where current_tier is null order by id limit 2')).map(
      (r) => r.id,
    );
    expect(titled).toHaveLength(2);
    expect(untitled).toHaveLength(2);
  });
  afterAll(() => h?.close());

  const sampleCount = async () => {
    const [row] = await h.database.db.select({ n: count() }).from(enterprises).where(inSampleCondition());
    return row.n;
  };

  it('isInSample and inSampleCondition: a valid title is in unless a row says out; anyone else only while a row says in', async () => {
    const db = h.database.db;
    const titledCount = await h.count('select count(*) as n from enterprises where current_tier is not null');
    expect(await sampleCount()).toBe(titledCount);
    expect(await isInSample(db, titled[0])).toBe(true);
    expect(await isInSample(db, untitled[0])).toBe(false);
    expect(await isInSample(db, ABSENT)).toBe(false);

    await h.owner.query(
      `insert into monitoring_sample (enterprise_id, status, reason) values ($1, 'in', '区县增补'), ($2, 'out', '停产'), ($3, 'out', '已注销'), ($4, 'in', '重复增补')`,
      [untitled[0], titled[0], untitled[1], titled[1]],
    );
    expect(await isInSample(db, untitled[0])).toBe(true);
    expect(await isInSample(db, titled[0])).toBe(false);
    expect(await isInSample(db, untitled[1])).toBe(false);
    expect(await isInSample(db, titled[1])).toBe(true);
    // +1 added, −1 titled taken out; an 'out' row on an untitled firm and an 'in' row on a titled one change nothing.
    expect(await sampleCount()).toBe(titledCount);
    await h.owner.query("update monitoring_sample set status = 'in' where enterprise_id = $1", [titled[0]]);
    expect(await isInSample(db, titled[0])).toBe(true);
    expect(await sampleCount()).toBe(titledCount + 1);
    await h.owner.query('delete from monitoring_sample where enterprise_id = any($1)', [[untitled[0], titled[0], untitled[1], titled[1]]]);
    expect(await sampleCount()).toBe(titledCount);
  });
});
