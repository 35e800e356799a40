import { defineScopeCases } from '../support/scope-cases.js';

const clusters = "select count(*)::int as n, string_agg(name || version, ',' order by code) as names from clusters";

export default defineScopeCases({
  module: 'reference',
  unscoped: {
    'GET /api/reference/districts': 'reference table of districts and zones, the same for everyone',
    'GET /api/reference/industries': 'reference table of industry classes, the same for everyone',
    'GET /api/reference/clusters': 'reference table of industrial clusters, the same for everyone',
  },
  // Reference data is the city's: a district officer may not change it.
  cases: () => [
    {
      method: 'POST',
      url: '/api/reference/clusters',
      actor: 'rongchang.admin',
      expect: 403,
      body: { code: 'ZZ01', name: '越权集群', category: 'rising', sortOrder: 99, active: true },
      unchanged: clusters,
    },
    {
      method: 'PATCH',
      url: '/api/reference/clusters/ZZ01',
      actor: 'rongchang.admin',
      expect: 403,
      body: { version: 1, name: '越权集群' },
      unchanged: clusters,
    },
  ],
});
