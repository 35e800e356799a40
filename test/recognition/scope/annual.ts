import type { ModuleScopeCases, ScopeFixtures } from '../../support/scope-cases.js';

const deadlines =
  "select count(*)::int as n, coalesce(string_agg(data_year || ':' || due_on, ',' order by data_year), '') as s from annual_update_deadlines";
const registryYears =
  'select (select count(*) from enterprise_years)::int as n, (select count(*) from annual_updates)::int as u, (select coalesce(sum(version), 0) from enterprises)::int as v';

/** Part D: deadlines, the enterprise's annual update, the officers' list, 有进有出, the title story. */
const annual: Omit<ModuleScopeCases, 'module'> = {
  async cases(f: ScopeFixtures) {
    const year = Number(new Date().toISOString().slice(0, 4)) - 1;
    // A holder in 荣昌区 (another enterprise than the demo one) and the demo enterprise itself holding a title.
    await f.query(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status, source)
       values ($1, 'innovative', 'municipal', current_date - 417, current_date + 617, 'valid', 'recognition'),
              ($2, 'srdi', 'municipal', current_date - 419, current_date + 619, 'valid', 'recognition')
       on conflict do nothing`,
      [f.rongchangEnterpriseId, f.demoEnterpriseId],
    );
    const figures = { revenue: 10_000_000, totalAssets: 20_000_000, employees: 50 };
    return [
      {
        method: 'GET',
        url: `/api/recognition/annual-update-deadlines/${year}`,
        actor: 'demo.enterprise',
        expect: 404,
        control: 'city.admin',
      },
      {
        method: 'PUT',
        url: `/api/recognition/annual-update-deadlines/${year}`,
        actor: 'rongchang.admin',
        expect: 403,
        body: { dueOn: `${year + 1}-12-31` },
        unchanged: deadlines,
      },
      { method: 'GET', url: '/api/recognition/annual-updates/me', actor: 'city.admin', expect: 404, control: 'demo.enterprise' },
      {
        method: 'PUT',
        url: `/api/recognition/annual-updates/me/${year}`,
        actor: 'rongchang.admin',
        expect: 403,
        body: { figures },
        unchanged: registryYears,
      },
      {
        method: 'PUT',
        url: `/api/recognition/annual-updates/me/${year}`,
        actor: 'city.admin',
        expect: 403,
        body: { figures },
        unchanged: registryYears,
      },
      { method: 'GET', url: '/api/recognition/annual-updates', actor: 'demo.enterprise', expect: 404, control: 'city.admin' },
      {
        method: 'GET',
        url: `/api/recognition/annual-updates?dataYear=${year}&pageSize=200`,
        actor: 'yubei.admin',
        expect: 'hidden',
        hidden: [f.rongchangEnterpriseId],
        control: 'rongchang.admin',
      },
      { method: 'GET', url: '/api/recognition/flows?year=2025', actor: 'demo.enterprise', expect: 404, control: 'city.admin' },
      { method: 'GET', url: '/api/recognition/flows.xlsx?year=2025', actor: 'demo.enterprise', expect: 404, control: 'city.admin' },
      {
        method: 'GET',
        url: `/api/recognition/flows?year=${new Date().getFullYear()}`,
        actor: 'yubei.admin',
        expect: 'hidden',
        hidden: ['500153'],
        control: 'rongchang.admin',
      },
      {
        method: 'GET',
        url: `/api/recognition/enterprises/${f.rongchangEnterpriseId}/story`,
        actor: 'yubei.admin',
        expect: 404,
        control: 'rongchang.admin',
      },
      {
        method: 'GET',
        url: `/api/recognition/enterprises/${f.rongchangEnterpriseId}/story`,
        actor: 'demo.enterprise',
        expect: 404,
        control: 'city.admin',
      },
      {
        method: 'GET',
        url: `/api/recognition/enterprises/${f.yubeiEnterpriseId}/story`,
        actor: 'rongchang.admin',
        expect: 404,
        control: 'yubei.admin',
      },
    ];
  },
};

export default annual;
