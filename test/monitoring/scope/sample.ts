import type { ModuleScopeCases, ScopeCase, ScopeFixtures } from '../../support/scope-cases.js';

const reportRows =
  "select count(*)::int as n, coalesce(string_agg(enterprise_id || ':' || version || ':' || status, ',' order by enterprise_id), '') as s from monitoring_reports where year = 2016";
const reminderRows = 'select count(*)::int as n from monitoring_reminders';
const sampleRows =
  "select count(*)::int as n, coalesce(string_agg(enterprise_id || ':' || status, ',' order by enterprise_id), '') as s from monitoring_sample";

/** Part S: the sample (监测企业), the officers' review (月报审核), chasing (催报) and the rates. */
const part: Omit<ModuleScopeCases, 'module'> = {
  async cases(f: ScopeFixtures): Promise<ScopeCase[]> {
    // The other 荣昌区 enterprise (untitled: an 'out' row changes nothing of its membership) in the removed list;
    // the demo enterprise (titled, in the sample) in the sample list.
    const out = { id: f.rongchangEnterpriseId };
    await f.query(
      "insert into monitoring_sample (enterprise_id, status, reason) values ($1, 'out', '范围检查：已移出') on conflict (enterprise_id) do nothing",
      [out.id],
    );
    const [titled] = await f.query<{ id: string; name: string }>('select id, name from enterprises where id = $1', [f.demoEnterpriseId]);
    const q = encodeURIComponent(titled.name);
    // A report of the demo enterprise (荣昌区) for 2016-08, entered by its district; 2016-09 stays unreported.
    const put = await f.h.app.inject({
      method: 'PUT',
      url: `/api/monitoring/reports/${f.demoEnterpriseId}/2016-08`,
      headers: { cookie: await f.cookie('rongchang.admin') },
      payload: { revenueYtd: 10_000_000, profitYtd: 1_000_000, employees: 50, outputYtd: 10_000_000 },
    });
    if (put.statusCode !== 200) throw new Error(`scope set-up: report not stored: ${put.body}`);
    const review = `/api/monitoring/reports/${f.demoEnterpriseId}/2016-08`;
    const version = (put.json() as { version: number }).version;
    return [
      { method: 'GET', url: '/api/monitoring/reports?period=2016-08', actor: 'demo.enterprise', expect: 404, control: 'city.admin' },
      {
        method: 'GET',
        url: '/api/monitoring/reports?period=2016-08&pageSize=200',
        actor: 'yubei.admin',
        expect: 'hidden',
        hidden: [f.demoEnterpriseId],
        control: 'rongchang.admin',
      },
      { method: 'POST', url: `${review}/accept`, actor: 'yubei.admin', expect: 404, body: { version }, unchanged: reportRows },
      { method: 'POST', url: `${review}/accept`, actor: 'demo.enterprise', expect: 403, body: { version }, unchanged: reportRows },
      {
        method: 'POST',
        url: `${review}/return`,
        actor: 'yubei.admin',
        expect: 404,
        body: { version, reason: '范围检查' },
        unchanged: reportRows,
      },
      {
        method: 'POST',
        url: `${review}/return`,
        actor: 'demo.enterprise',
        expect: 403,
        body: { version, reason: '范围检查' },
        unchanged: reportRows,
      },
      { method: 'GET', url: '/api/monitoring/chase?period=2016-09', actor: 'demo.enterprise', expect: 404, control: 'city.admin' },
      {
        method: 'GET',
        url: '/api/monitoring/chase?period=2016-09&pageSize=200',
        actor: 'yubei.admin',
        expect: 'hidden',
        hidden: [f.demoEnterpriseId],
        control: 'rongchang.admin',
      },
      {
        method: 'POST',
        url: '/api/monitoring/chase/remind',
        actor: 'demo.enterprise',
        expect: 403,
        body: { period: '2016-09' },
        unchanged: reminderRows,
      },
      {
        method: 'POST',
        url: '/api/monitoring/chase/remind',
        actor: 'yubei.admin',
        expect: 404,
        body: { period: '2016-09', enterpriseIds: [f.demoEnterpriseId] },
        unchanged: reminderRows,
      },
      { method: 'GET', url: '/api/monitoring/chase/rates?period=2016-09', actor: 'demo.enterprise', expect: 404, control: 'city.admin' },
      {
        method: 'GET',
        url: '/api/monitoring/chase/rates?period=2016-09',
        actor: 'yubei.admin',
        expect: 'hidden',
        hidden: ['荣昌区'],
        control: 'rongchang.admin',
      },
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
