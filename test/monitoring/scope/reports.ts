import type { ModuleScopeCases, ScopeFixtures } from '../../support/scope-cases.js';

const reports = 'select count(*)::int as n from monitoring_reports';
const settings = "select coalesce((select version from monitoring_settings where id = 'default'), 0)::int as n";

/** Part K: the monthly report (PUT/GET/check), 我的月报, the settings. */
const part: Omit<ModuleScopeCases, 'module'> = {
  unscoped: {
    'GET /api/monitoring/settings': 'the due day and check thresholds: the same for every reader, no enterprise data',
  },
  async cases(f: ScopeFixtures) {
    const body = { revenueYtd: 10_000_000, profitYtd: 1_000_000, employees: 50, outputYtd: 10_000_000, rdExpenseYtd: 100_000 };
    const period = '2020-05';
    return [
      {
        method: 'PUT',
        url: `/api/monitoring/reports/${f.demoEnterpriseId}/${period}`,
        actor: 'yubei.admin',
        expect: 404,
        body,
        unchanged: reports,
        note: 'another district’s enterprise',
      },
      {
        method: 'PUT',
        url: `/api/monitoring/reports/${f.rongchangEnterpriseId}/${period}`,
        actor: 'demo.enterprise',
        expect: 404,
        body,
        unchanged: reports,
        note: 'another enterprise',
      },
      {
        method: 'PUT',
        url: `/api/monitoring/reports/${f.demoEnterpriseId}/${period}`,
        actor: 'city.admin',
        expect: 403,
        body,
        unchanged: reports,
        note: 'the city reads, it does not report',
      },
      {
        method: 'GET',
        url: `/api/monitoring/reports/${f.demoEnterpriseId}/${period}`,
        actor: 'yubei.admin',
        expect: 404,
        control: 'rongchang.admin',
      },
      {
        method: 'GET',
        url: `/api/monitoring/reports/${f.rongchangEnterpriseId}/${period}`,
        actor: 'demo.enterprise',
        expect: 404,
        control: 'city.admin',
      },
      {
        method: 'POST',
        url: `/api/monitoring/reports/${f.demoEnterpriseId}/${period}/check`,
        actor: 'yubei.admin',
        expect: 404,
        body,
        control: 'demo.enterprise',
      },
      { method: 'GET', url: '/api/monitoring/my-reports', actor: 'city.admin', expect: 404, control: 'demo.enterprise' },
      {
        method: 'PUT',
        url: '/api/monitoring/settings',
        actor: 'rongchang.admin',
        expect: 403,
        body: { dueDay: 15 },
        unchanged: settings,
      },
    ];
  },
};
export default part;
