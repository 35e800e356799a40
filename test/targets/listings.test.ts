import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

// 上市进程 (issue 12): the registry's listing record per enterprise — read by the city, its district and
// the enterprise itself, written by officers in scope, audited on the enterprise, every bad input
// refused with nothing written; the list filter listingStage shows the rows the targets count.

type Record_ = {
  enterpriseId: string;
  editable: boolean;
  stages: { key: string; label: string }[];
  items: { stage: string; stageLabel: string; reachedOn: string; market: string | null; note: string | null }[];
};

describe.each(DATABASE_KINDS)('listing records on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  let own = ''; // demo.enterprise's own firm (荣昌区)
  let yubei = '';
  const call = (user: string, method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: { cookie: cookies[user] }, payload: payload as object });
  const rows = () => h.count('select count(*) as n from enterprise_listings');
  const audits = () => h.count("select count(*) as n from audit_log where action in ('listing.record', 'listing.remove')");

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise']) cookies[u] = await h.login(u);
    [{ id: own }] = await h.database.query<{ id: string }>("select enterprise_id as id from users where username = 'demo.enterprise'");
    [{ id: yubei }] = await h.database.query<{ id: string }>(
      "select id from enterprises where district_code = '500112' and zone_code is null order by id limit 1",
    );
    await h.owner.query('delete from enterprise_listings where enterprise_id = $1', [own]);
  });
  afterAll(() => h?.close());

  it('records, corrects and removes stages (district officer), audited on the enterprise history', async () => {
    const before = await audits();
    const put = await call('rongchang.admin', 'PUT', `/api/enterprises/${own}/listings/shareholding_reform`, {
      reachedOn: '2023-03-01',
      note: '完成股份制改造',
    });
    expect(put.statusCode, put.body).toBe(200);
    const listed = await call('rongchang.admin', 'PUT', `/api/enterprises/${own}/listings/listed`, {
      reachedOn: '2024-06-28',
      market: '北交所',
    });
    expect(listed.statusCode, listed.body).toBe(200);
    const body = listed.json() as Record_;
    expect(body.editable).toBe(true);
    expect(body.stages.map((s) => s.label)).toEqual(['股改', '挂牌', '辅导备案', '申报受理', '上市']);
    expect(body.items.map((i) => [i.stageLabel, i.reachedOn, i.market])).toEqual([
      ['股改', '2023-03-01', null],
      ['上市', '2024-06-28', '北交所'],
    ]);
    // A correction of the date keeps one entry per stage.
    const corrected = await call('city.admin', 'PUT', `/api/enterprises/${own}/listings/listed`, {
      reachedOn: '2024-07-01',
      market: '北交所',
    });
    expect(corrected.json().items).toHaveLength(2);
    expect(corrected.json().items[1].reachedOn).toBe('2024-07-01');
    expect(await audits()).toBe(before + 3);

    // The enterprise reads its own record, cannot edit it.
    const mine = await call('demo.enterprise', 'GET', `/api/enterprises/${own}/listings`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ editable: false });
    expect(mine.json().items).toHaveLength(2);

    // The enterprise's page shows the change in its history, in Chinese.
    const detail = await call('rongchang.admin', 'GET', `/api/enterprises/${own}`);
    const entry = (detail.json().history as { actionLabel: string; changes: { label: string; after: string | null }[] }[]).find(
      (e) => e.actionLabel === '登记上市进程',
    );
    expect(entry?.changes.map((c) => c.label)).toEqual(expect.arrayContaining(['上市进程：上市日期']));

    // The list filter shows the listed firm (the targets count it).
    const ids = (await call('rongchang.admin', 'GET', '/api/enterprises?listingStage=listed&pageSize=200'))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(ids).toContain(own);
    const before2024 = await call('rongchang.admin', 'GET', '/api/enterprises?listingStage=listed&on=2024-06-30&pageSize=200');
    expect(before2024.json().items.map((i: { id: string }) => i.id)).not.toContain(own);

    const removed = await call('rongchang.admin', 'DELETE', `/api/enterprises/${own}/listings/shareholding_reform`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().items.map((i: { stage: string }) => i.stage)).toEqual(['listed']);
    const again = await call('rongchang.admin', 'DELETE', `/api/enterprises/${own}/listings/shareholding_reform`);
    expect(again.statusCode).toBe(404);
  });

  it('refuses the wrong actor and every bad input, writing nothing', async () => {
    const count = await rows();
    const audited = await audits();
    const cases: [string, 'GET' | 'PUT' | 'DELETE', string, unknown, number, string][] = [
      ['yubei.admin', 'GET', `/api/enterprises/${own}/listings`, undefined, 404, 'NOT_FOUND'],
      ['rongchang.admin', 'PUT', `/api/enterprises/${yubei}/listings/listed`, { reachedOn: '2024-01-01' }, 404, 'NOT_FOUND'],
      ['demo.enterprise', 'PUT', `/api/enterprises/${own}/listings/quoted`, { reachedOn: '2024-01-01' }, 403, 'FORBIDDEN'],
      ['demo.enterprise', 'DELETE', `/api/enterprises/${own}/listings/listed`, undefined, 403, 'FORBIDDEN'],
      ['rongchang.admin', 'PUT', `/api/enterprises/${own}/listings/ipo`, { reachedOn: '2024-01-01' }, 400, 'LISTING_STAGE_UNKNOWN'],
      ['rongchang.admin', 'PUT', `/api/enterprises/${own}/listings/quoted`, { reachedOn: '2099-01-01' }, 400, 'LISTING_DATE_INVALID'],
      ['rongchang.admin', 'PUT', `/api/enterprises/${own}/listings/quoted`, { reachedOn: '1985-01-01' }, 400, 'LISTING_DATE_INVALID'],
    ];
    for (const [user, method, url, body, status, code] of cases) {
      const res = await call(user, method, url, body);
      expect(res.statusCode, `${user} ${method} ${url}: ${res.body}`).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const badDate = await call('rongchang.admin', 'PUT', `/api/enterprises/${own}/listings/quoted`, { reachedOn: '2024-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().message).toMatch(/[\u4e00-\u9fa5]/);
    const badFilter = await call('city.admin', 'GET', '/api/enterprises?listingStage=ipo');
    expect(badFilter.statusCode).toBe(400);
    expect(await rows()).toBe(count);
    expect(await audits()).toBe(audited);
  });
});
