import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

describe.each(DATABASE_KINDS)('batch evaluation and the pipeline pool on %s', (kind) => {
  let h: Harness;
  let city: string;
  let rongchang: string;
  let yubei: string;
  let runId: string;

  beforeAll(async () => {
    h = await startHarness(kind);
    city = await h.login('city.admin');
    rongchang = await h.login('rongchang.admin');
    yubei = await h.login('yubei.admin');
  });
  afterAll(() => h.close());

  const get = (cookie: string, url: string) => h.app.inject({ method: 'GET', url, headers: { cookie } });
  async function waitFor(cookie: string, id: string) {
    for (let i = 0; i < 200; i++) {
      const run = (await get(cookie, `/api/evaluations/runs/${id}`)).json();
      if (run.status === 'done' || run.status === 'failed') return run;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('run did not finish');
  }

  it("evaluates every enterprise of the officer's district, and only those", async () => {
    const started = await h.app.inject({
      method: 'POST',
      url: '/api/evaluations/runs',
      headers: { cookie: rongchang },
      payload: { assessmentDate: '2026-11-22' },
    });
    expect(started.statusCode).toBe(202);
    runId = started.json().id;
    const inDistrict = await h.count("select count(*) as n from enterprises where district_code = '500153' or zone_code = '500153'");
    expect(started.json().total).toBe(inDistrict);
    const run = await waitFor(rongchang, runId);
    expect(run).toMatchObject({ status: 'done', processed: inDistrict });
    expect(await h.count('select count(distinct enterprise_id) as n from evaluation_results')).toBe(inDistrict);
    expect(
      await h.count(
        "select count(*) as n from evaluation_results r join enterprises e on e.id = r.enterprise_id where e.district_code <> '500153' and coalesce(e.zone_code, '') <> '500153'",
      ),
    ).toBe(0);
    expect(await h.count("select count(*) as n from audit_log where action = 'evaluation.run'")).toBe(1);
  });

  it('keeps the run to its starter (and the city), and refuses enterprises and banks', async () => {
    expect((await get(yubei, `/api/evaluations/runs/${runId}`)).statusCode).toBe(404);
    expect((await get(city, `/api/evaluations/runs/${runId}`)).statusCode).toBe(200);
    const enterprise = await h.login('demo.enterprise');
    expect((await h.app.inject({ method: 'POST', url: '/api/evaluations/runs', headers: { cookie: enterprise } })).statusCode).toBe(403);
  });

  it('lists the pool: qualified or within reach, not already holding the tier, in scope only', async () => {
    const pool = (await get(rongchang, '/api/evaluations/pool?tier=innovative&pageSize=200')).json();
    const expected = await h.count(
      `select count(*) as n from evaluation_results r join enterprises e on e.id = r.enterprise_id
        where r.tier = 'innovative' and r.within_reach and e.current_tier is null`,
    );
    expect(pool.total).toBe(expected);
    expect(
      pool.items.every((i: { districtCode: string; currentTier: string | null }) => i.districtCode === '500153' && i.currentTier === null),
    ).toBe(true);
    const qualified = (await get(rongchang, '/api/evaluations/pool?tier=innovative&status=qualified&pageSize=200')).json();
    expect(qualified.items.every((i: { outcome: string }) => i.outcome === 'qualified')).toBe(true);
    const near = (await get(rongchang, '/api/evaluations/pool?tier=srdi&status=near&pageSize=200')).json();
    expect(near.items.every((i: { outcome: string; failed: string[] }) => i.outcome === 'not_qualified' && i.failed.length === 1)).toBe(
      true,
    );
    // Yubei's pool holds none of Rongchang's results.
    expect((await get(yubei, '/api/evaluations/pool?tier=innovative')).json().total).toBe(0);
  });

  it("shows an enterprise's latest results and history within scope only", async () => {
    const [{ id }] = await h.database.query<{ id: string }>("select enterprise_id as id from users where username = 'demo.enterprise'");
    const mine = await get(rongchang, `/api/evaluations/enterprise/${id}`);
    expect(mine.statusCode).toBe(200);
    expect(
      mine
        .json()
        .latest.map((r: { tier: string }) => r.tier)
        .sort(),
    ).toEqual(['innovative', 'little_giant', 'srdi']);
    expect(mine.json().history.length).toBe(3);
    expect((await get(yubei, `/api/evaluations/enterprise/${id}`)).statusCode).toBe(404);
    const enterprise = await h.login('demo.enterprise');
    expect((await get(enterprise, `/api/evaluations/enterprise/${id}`)).statusCode).toBe(200);
  });
});
