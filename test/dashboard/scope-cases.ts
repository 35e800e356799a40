import { defineScopeCases, type ScopeCase, type ScopeFixtures } from '../support/scope-cases.js';

// The dashboard module's wrong-actor cases (issue 12). L: GET /api/dashboard. C adds its routes below.
export default defineScopeCases({
  module: 'dashboard',
  async cases(_f: ScopeFixtures): Promise<ScopeCase[]> {
    return [
      // ---- L ----
      { method: 'GET', url: '/api/dashboard?district=500112', actor: 'rongchang.admin', expect: 404, control: 'city.admin' },
      // ---- C ----
    ];
  },
});
