import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearsFor } from '../../src/domain/evaluation/assessment-years.js';
import { evaluationFeed } from '../../src/modules/enterprises/evaluation-feed.js';
import type { Actor } from '../../src/server/access.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

describe.each(DATABASE_KINDS)('the registry as the evaluation reads it on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  const actor = (role: Actor['role'], districtCode: string | null): Actor => ({
    userId: '00000000-0000-0000-0000-000000000001',
    username: 'feed.test',
    displayName: 'feed',
    role,
    districtCode,
    enterpriseId: null,
    organization: null,
  });
  const ctx = () => ({ database: h.database, db: h.database.db, config: h.config });

  it('gives every enterprise in scope once, with its titles, honours and the years of the assessment', async () => {
    const records = [];
    // Small pages, so that paging is exercised too.
    for await (const page of evaluationFeed(ctx(), actor('city_admin', null), yearsFor('2025-06-30'), { pageSize: 7 }))
      records.push(...page);
    expect(records.length).toBe(await h.count('select count(*) as n from enterprises'));
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(records.reduce((s, r) => s + r.titles.length, 0)).toBe(await h.count('select count(*) as n from enterprise_titles'));
    expect(records.reduce((s, r) => s + r.honours.length, 0)).toBe(await h.count('select count(*) as n from enterprise_honours'));
    // A 2025 assessment reads 2022–2024, not the latest years on record.
    expect(records.reduce((s, r) => s + r.years.length, 0)).toBe(
      await h.count('select count(*) as n from enterprise_years where year between 2022 and 2024'),
    );
    expect(records.every((r) => r.years.every((y) => y.year >= 2022 && y.year <= 2024))).toBe(true);
    const [title] = await h.database.query<{ enterprise_id: string; tier: string; valid_until: string }>(
      'select enterprise_id, tier, valid_until::text from enterprise_titles limit 1',
    );
    expect(records.find((r) => r.id === title.enterprise_id)?.titles).toContainEqual(
      expect.objectContaining({ tier: title.tier, validUntil: title.valid_until }),
    );
  });

  it("gives a district officer their district's enterprises only", async () => {
    const records = [];
    for await (const page of evaluationFeed(ctx(), actor('district_admin', '500153'), yearsFor('2026-11-22'))) records.push(...page);
    expect(records.length).toBe(
      await h.count("select count(*) as n from enterprises where district_code = '500153' or zone_code = '500153'"),
    );
    expect(records.every((r) => r.districtCode === '500153')).toBe(true);
  });
});
