import { defineScopeCases, type ScopeCase, type ScopeFixtures } from '../support/scope-cases.js';

// The dashboard module's wrong-actor cases (issue 12). L: GET /api/dashboard. C adds its routes below.
export default defineScopeCases({
  module: 'dashboard',
  unscoped: {
    'POST /api/dashboard/chart.xlsx':
      'writes the numbers of a chart the caller sent into a workbook; reads no enterprise data (officers only)',
  },
  async cases(_f: ScopeFixtures): Promise<ScopeCase[]> {
    return [
      // ---- L ----
      { method: 'GET', url: '/api/dashboard?district=500112', actor: 'rongchang.admin', expect: 404, control: 'city.admin' },
      // ---- C: the cockpit's breakdowns, 有进有出 and the monitoring trend of a named place ----
      ...[
        '/api/dashboard/breakdown?by=district&district=500112',
        '/api/dashboard/breakdown?by=tier&figure=titles.srdi&district=500112',
        '/api/dashboard/flows?district=500112',
        '/api/dashboard/flows/rows?year=2025&tier=srdi&direction=entered&district=500112',
        '/api/monitoring/trend?year=2025&district=500112',
      ].map((url): ScopeCase => ({ method: 'GET', url, actor: 'rongchang.admin', expect: 404, control: 'city.admin' })),
      { method: 'GET', url: '/api/dashboard/breakdown?by=industry', actor: 'demo.enterprise', expect: 404, control: 'rongchang.admin' },
      { method: 'GET', url: '/api/dashboard/flows', actor: 'demo.enterprise', expect: 404, control: 'rongchang.admin' },
      {
        method: 'GET',
        url: '/api/dashboard/flows/rows?year=2025&tier=srdi&direction=left',
        actor: 'demo.enterprise',
        expect: 404,
        control: 'rongchang.admin',
      },
    ];
  },
});
