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

  describe('the sample API (纳入 / 移出监测企业, the list and the small and micro share)', () => {
    const cookies: Record<string, string> = {};
    let rcTitled: { id: string; name: string };
    let rcUntitled: { id: string; name: string };
    let ybUntitled: string;
    const as = (user: string, method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
      h.app.inject({ method, url, headers: { cookie: cookies[user] }, ...(payload === undefined ? {} : { payload: payload as object }) });
    const audits = (action: string, id: string) =>
      h.count('select count(*) as n from audit_log where action = $1 and entity_type = $2 and entity_id = $3', [
        action,
        'monitoring_sample',
        id,
      ]);

    beforeAll(async () => {
      for (const u of ['city.admin', 'rongchang.admin', 'yubei.admin', 'demo.enterprise']) cookies[u] = await h.login(u);
      [rcTitled] = await h.database.query<{ id: string; name: string }>(
        "select id, name from enterprises where district_code = '500153' and current_tier is not null order by id limit 1",
      );
      [rcUntitled] = await h.database.query<{ id: string; name: string }>(
        "select id, name from enterprises where district_code = '500153' and zone_code is null and current_tier is null order by id limit 1",
      );
      [{ id: ybUntitled }] = await h.database.query<{ id: string }>(
        "select id from enterprises where district_code = '500112' and current_tier is null order by id limit 1",
      );
    });

    it('adds an untitled enterprise with its reason; adding it again or a titled one changes nothing; audited once', async () => {
      const db = h.database.db;
      const added = await as('rongchang.admin', 'PUT', `/api/monitoring/sample/${rcUntitled.id}`, { reason: '区县重点培育企业' });
      expect(added.statusCode, added.body).toBe(200);
      expect(added.json()).toEqual({ enterpriseId: rcUntitled.id, inSample: true, source: 'added' });
      expect(await isInSample(db, rcUntitled.id)).toBe(true);
      const again = await as('rongchang.admin', 'PUT', `/api/monitoring/sample/${rcUntitled.id}`, {});
      expect(again.statusCode, again.body).toBe(200);
      expect(await audits('monitoring.sample_add', rcUntitled.id)).toBe(1);

      const titledNoop = await as('city.admin', 'PUT', `/api/monitoring/sample/${rcTitled.id}`);
      expect(titledNoop.statusCode, titledNoop.body).toBe(200);
      expect(titledNoop.json()).toEqual({ enterpriseId: rcTitled.id, inSample: true, source: 'title' });
      expect(await h.count('select count(*) as n from monitoring_sample where enterprise_id = $1', [rcTitled.id])).toBe(0);
      expect(await audits('monitoring.sample_add', rcTitled.id)).toBe(0);
    });

    it('takes an enterprise out only with a reason; a titled one put back is in by its title again', async () => {
      const db = h.database.db;
      const noReason = await as('rongchang.admin', 'DELETE', `/api/monitoring/sample/${rcTitled.id}`, {});
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json()).toMatchObject({ code: 'MONITORING_REASON_REQUIRED', message: '移出监测企业须填写原因' });
      const blank = await as('rongchang.admin', 'DELETE', `/api/monitoring/sample/${rcTitled.id}`, { reason: '   ' });
      expect(blank.statusCode).toBe(400);
      const noBody = await as('rongchang.admin', 'DELETE', `/api/monitoring/sample/${rcTitled.id}`);
      expect(noBody.statusCode).toBe(400);
      expect(noBody.json().code).toBe('MONITORING_REASON_REQUIRED');
      expect(await isInSample(db, rcTitled.id)).toBe(true);

      const out = await as('rongchang.admin', 'DELETE', `/api/monitoring/sample/${rcTitled.id}`, { reason: '企业已停产' });
      expect(out.statusCode, out.body).toBe(200);
      expect(out.json()).toEqual({ enterpriseId: rcTitled.id, inSample: false, source: 'title' });
      expect(await isInSample(db, rcTitled.id)).toBe(false);
      expect(await audits('monitoring.sample_remove', rcTitled.id)).toBe(1);

      const removed = await as('rongchang.admin', 'GET', '/api/monitoring/sample/removed');
      expect(removed.statusCode, removed.body).toBe(200);
      expect(removed.json().items).toEqual([
        expect.objectContaining({ enterpriseId: rcTitled.id, reason: '企业已停产', source: 'title', sourceLabel: '持有梯度培育称号' }),
      ]);
      const sample = await as('rongchang.admin', 'GET', `/api/monitoring/sample?pageSize=200&q=${encodeURIComponent(rcTitled.name)}`);
      expect(sample.json().items.map((i: { enterpriseId: string }) => i.enterpriseId)).not.toContain(rcTitled.id);

      const back = await as('rongchang.admin', 'PUT', `/api/monitoring/sample/${rcTitled.id}`, {});
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json()).toEqual({ enterpriseId: rcTitled.id, inSample: true, source: 'title' });
      expect(await isInSample(db, rcTitled.id)).toBe(true);
      expect(await h.count('select count(*) as n from monitoring_sample where enterprise_id = $1', [rcTitled.id])).toBe(0);
      expect(await audits('monitoring.sample_add', rcTitled.id)).toBe(1);
    });

    it('refuses another district (404 as absent), an enterprise (403) and an absent id, changing nothing', async () => {
      const before = await h.count('select count(*) as n from monitoring_sample');
      const other = await as('rongchang.admin', 'PUT', `/api/monitoring/sample/${ybUntitled}`, { reason: 'x' });
      expect(other.statusCode).toBe(404);
      const absent = await as('rongchang.admin', 'PUT', `/api/monitoring/sample/${ABSENT}`, { reason: 'x' });
      expect(other.json()).toEqual(absent.json());
      expect((await as('yubei.admin', 'DELETE', `/api/monitoring/sample/${rcTitled.id}`, { reason: 'x' })).statusCode).toBe(404);
      expect((await as('demo.enterprise', 'PUT', `/api/monitoring/sample/${rcUntitled.id}`, {})).statusCode).toBe(403);
      expect((await as('demo.enterprise', 'GET', '/api/monitoring/sample')).statusCode).toBe(404);
      expect(await h.count('select count(*) as n from monitoring_sample')).toBe(before);
      const yubeiList = await as('yubei.admin', 'GET', '/api/monitoring/sample?pageSize=200');
      expect(yubeiList.body).not.toContain(rcTitled.id);
      expect(yubeiList.body).not.toContain(rcUntitled.id);
    });

    it('lists the sample of the scope with sources and labels, and the small and micro share computed by hand', async () => {
      const list = await as('rongchang.admin', 'GET', '/api/monitoring/sample?pageSize=200');
      expect(list.statusCode, list.body).toBe(200);
      const body = list.json();
      const [expected] = await h.database.query<{ total: number; small_micro: number; unknown: number }>(
        `select count(*)::int as total, (count(*) filter (where size_class in ('small', 'micro')))::int as small_micro,
                (count(*) filter (where size_class is null))::int as unknown
         from enterprises e where (e.district_code = '500153' or e.zone_code = '500153')
           and ((e.current_tier is not null and e.id not in (select enterprise_id from monitoring_sample where status = 'out'))
                or e.id in (select enterprise_id from monitoring_sample where status = 'in'))`,
      );
      expect(body.total).toBe(expected.total);
      const known = expected.total - expected.unknown;
      const percent = known > 0 ? Math.round((expected.small_micro / known) * 1000) / 10 : null;
      expect(body.share).toEqual({
        total: expected.total,
        smallMicro: expected.small_micro,
        unknown: expected.unknown,
        percent,
        minimum: 80,
        below: percent !== null && percent < 80,
      });
      const added = body.items.find((i: { enterpriseId: string }) => i.enterpriseId === rcUntitled.id);
      expect(added).toMatchObject({ source: 'added', sourceLabel: '区县增补', reason: '区县重点培育企业', tierLabel: '其他监测中小企业' });
      expect(typeof added.sizeLabel).toBe('string');
      const onlyAdded = await as('rongchang.admin', 'GET', '/api/monitoring/sample?source=added&pageSize=200');
      expect(onlyAdded.json().items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual([rcUntitled.id]);
      const titledOnly = await as('rongchang.admin', 'GET', '/api/monitoring/sample?source=title&pageSize=200');
      expect(titledOnly.json().total).toBe(expected.total - 1);

      // The minimum is a setting (监测设置): raised above the share, the list warns.
      const settings = (await as('city.admin', 'GET', '/api/monitoring/settings')).json();
      const setting = await as('city.admin', 'PUT', '/api/monitoring/settings', { ...settings, smallMicroShareMin: 100 });
      expect(setting.statusCode, setting.body).toBe(200);
      // The city's sample holds medium-sized firms too: under 100 % it is below.
      const warned = (await as('city.admin', 'GET', '/api/monitoring/sample?pageSize=1')).json().share;
      expect(warned.percent).toBeLessThan(100);
      expect(warned).toMatchObject({ minimum: 100, below: true });
      expect((await as('rongchang.admin', 'GET', '/api/monitoring/sample?pageSize=1')).json().share).toMatchObject({
        percent: 100,
        below: false,
      });
      expect((await as('city.admin', 'PUT', '/api/monitoring/settings', { ...settings, smallMicroShareMin: 80 })).statusCode).toBe(200);
      expect((await as('city.admin', 'GET', '/api/monitoring/sample?pageSize=1')).json().share).toMatchObject({
        minimum: 80,
        below: warned.percent < 80,
      });

      // The city's share covers every district; a district filter narrows it to that district.
      const city = await as('city.admin', 'GET', '/api/monitoring/sample?district=500153&pageSize=1');
      expect(city.json().share).toEqual(body.share);
      expect(city.json().items).toHaveLength(1);
    });
  });
});
