import { defineScopeCases } from '../support/scope-cases.js';

export default defineScopeCases({
  module: 'audit',
  // The audit log names every enterprise changed anywhere: the city administrator's read.
  cases: (f) => [
    { method: 'GET', url: '/api/audit', actor: 'rongchang.admin', expect: 404, control: 'city.admin' },
    { method: 'GET', url: `/api/audit?entityId=${f.yubeiEnterpriseId}`, actor: 'yubei.admin', expect: 404, control: 'city.admin' },
    { method: 'GET', url: '/api/audit/actions', actor: 'demo.enterprise', expect: 404, control: 'city.admin' },
  ],
});
