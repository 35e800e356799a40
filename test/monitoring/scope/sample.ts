import type { ModuleScopeCases, ScopeCase, ScopeFixtures } from '../../support/scope-cases.js';

const sampleRows =
  "select count(*)::int as n, coalesce(string_agg(enterprise_id || ':' || status, ',' order by enterprise_id), '') as s from monitoring_sample";

/** Part S: the sample (监测企业), the officers' review (月报审核), chasing (催报) and the rates. */
const part: Omit<ModuleScopeCases, 'module'> = {
  async cases(f: ScopeFixtures): Promise<ScopeCase[]> {
    // A titled 荣昌区 enterprise, taken out of the sample (for the removed list), other than the fixtures'.
    const [out] = await f.query<{ id: string; name: string }>(
      `select id, name from enterprises where district_code = '500153' and current_tier is not null and id <> all($1::uuid[]) order by id limit 1`,
      [[f.rongchangEnterpriseId, f.demoEnterpriseId]],
    );
    await f.query(
      "insert into monitoring_sample (enterprise_id, status, reason) values ($1, 'out', '范围检查：已移出') on conflict (enterprise_id) do nothing",
      [out.id],
    );
    const [titled] = await f.query<{ id: string; name: string }>(
      `select id, name from enterprises where district_code = '500153' and current_tier is not null and id <> $1 order by id limit 1`,
      [out.id],
    );
    const q = encodeURIComponent(titled.name);
    return [
      { method: 'GET', url: '/api/monitoring/sample', actor: 'demo.enterprise', expect: 404, control: 'city.admin' },
      {
        method: 'GET',
        url: `/api/monitoring/sample?district=500153&q=${q}&pageSize=200`,
        actor: 'yubei.admin',
        expect: 'hidden',
        hidden: [titled.id],
        control: 'rongchang.admin',
      },
      { method: 'GET', url: '/api/monitoring/sample/removed', actor: 'demo.enterprise', expect: 404, control: 'rongchang.admin' },
      {
        method: 'GET',
        url: '/api/monitoring/sample/removed?pageSize=200',
        actor: 'yubei.admin',
        expect: 'hidden',
        hidden: [out.id],
        control: 'rongchang.admin',
      },
      {
        method: 'PUT',
        url: `/api/monitoring/sample/${f.yubeiEnterpriseId}`,
        actor: 'rongchang.admin',
        expect: 404,
        body: { reason: '范围检查' },
        unchanged: sampleRows,
      },
      {
        method: 'PUT',
        url: `/api/monitoring/sample/${f.rongchangEnterpriseId}`,
        actor: 'demo.enterprise',
        expect: 403,
        body: {},
        unchanged: sampleRows,
      },
      {
        method: 'DELETE',
        url: `/api/monitoring/sample/${titled.id}`,
        actor: 'yubei.admin',
        expect: 404,
        body: { reason: '范围检查' },
        unchanged: sampleRows,
      },
      {
        method: 'DELETE',
        url: `/api/monitoring/sample/${titled.id}`,
        actor: 'demo.enterprise',
        expect: 403,
        body: { reason: '范围检查' },
        unchanged: sampleRows,
      },
    ];
  },
};
export default part;
