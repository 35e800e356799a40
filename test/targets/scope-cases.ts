import { defineScopeCases, type ScopeCase, type ScopeFixtures } from '../support/scope-cases.js';

// The targets module's wrong-actor cases (issue 12): targets and their split are officers' reads (a
// district sees the city's and its own); a district sets only its own; listing records follow the
// enterprise's scope (the enterprise reads its own, officers of its district write).
const TARGETS = "select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(sum(value), 0) from targets";
const LISTINGS = "select count(*) || ':' || coalesce(max(reached_on)::text, '') from enterprise_listings";

export default defineScopeCases({
  module: 'targets',
  async cases(f: ScopeFixtures): Promise<ScopeCase[]> {
    return [
      { method: 'GET', url: '/api/targets?year=2025', actor: 'demo.enterprise', expect: 404, control: 'city.admin' },
      {
        method: 'GET',
        url: '/api/targets?year=2025',
        actor: 'yubei.admin',
        expect: 'hidden',
        hidden: ['荣昌府办规〔2022〕2号'],
        control: 'rongchang.admin',
        note: "渝北区 sees the city's targets and its own, not 荣昌区's",
      },
      {
        method: 'PUT',
        url: '/api/targets',
        actor: 'rongchang.admin',
        expect: 403,
        body: { unitCode: '500112', indicator: 'srdi', measure: 'stock', year: 2025, value: 1, version: 1 },
        unchanged: TARGETS,
      },
      {
        method: 'PUT',
        url: '/api/targets',
        actor: 'rongchang.admin',
        expect: 403,
        body: { unitCode: null, indicator: 'srdi', measure: 'stock', year: 2025, value: 1, version: 1 },
        unchanged: TARGETS,
      },
      {
        method: 'PUT',
        url: '/api/targets',
        actor: 'demo.enterprise',
        expect: 403,
        body: { unitCode: '500153', indicator: 'srdi', measure: 'stock', year: 2026, value: 1 },
        unchanged: TARGETS,
      },
      {
        method: 'GET',
        url: '/api/targets/split-suggestion?indicator=srdi&year=2025',
        actor: 'demo.enterprise',
        expect: 404,
        control: 'city.admin',
      },
      {
        method: 'GET',
        url: '/api/targets/split-suggestion?indicator=srdi&year=2025',
        actor: 'yubei.admin',
        expect: 'hidden',
        hidden: ['荣昌区'],
        control: 'city.admin',
      },
      {
        method: 'GET',
        url: `/api/enterprises/${f.rongchangEnterpriseId}/listings`,
        actor: 'yubei.admin',
        expect: 404,
        control: 'rongchang.admin',
      },
      {
        method: 'GET',
        url: `/api/enterprises/${f.rongchangEnterpriseId}/listings`,
        actor: 'demo.enterprise',
        expect: 404,
        control: 'city.admin',
      },
      {
        method: 'PUT',
        url: `/api/enterprises/${f.yubeiEnterpriseId}/listings/listed`,
        actor: 'rongchang.admin',
        expect: 404,
        body: { reachedOn: '2024-01-02' },
        unchanged: LISTINGS,
      },
      {
        method: 'PUT',
        url: `/api/enterprises/${f.demoEnterpriseId}/listings/listed`,
        actor: 'demo.enterprise',
        expect: 403,
        body: { reachedOn: '2024-01-02' },
        unchanged: LISTINGS,
      },
      {
        method: 'DELETE',
        url: `/api/enterprises/${f.yubeiEnterpriseId}/listings/listed`,
        actor: 'rongchang.admin',
        expect: 404,
        unchanged: LISTINGS,
      },
      {
        method: 'DELETE',
        url: `/api/enterprises/${f.demoEnterpriseId}/listings/listed`,
        actor: 'demo.enterprise',
        expect: 403,
        unchanged: LISTINGS,
      },
    ];
  },
});
