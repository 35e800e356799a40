import { defineScopeCases, type ScopeCase, type ScopeFixtures } from '../support/scope-cases.js';

// The workbench module's wrong-actor cases (issue 12). GET /api/workbench answers each role its own
// work: an expert (no workbench of counts) is told "not found"; another district's or the city's
// officer never gets the enterprise's own items (its id is in the links of its tier and gap).
export default defineScopeCases({
  module: 'workbench',
  async cases(f: ScopeFixtures): Promise<ScopeCase[]> {
    return [
      { method: 'GET', url: '/api/workbench', actor: 'expert.001', expect: 404, control: 'city.admin', note: '专家没有工作台待办' },
      {
        method: 'GET',
        url: '/api/workbench',
        actor: 'yubei.admin',
        expect: 'hidden',
        hidden: [f.demoEnterpriseId],
        control: 'demo.enterprise',
        note: '其他区县看不到企业本身的待办',
      },
      {
        method: 'GET',
        url: '/api/workbench',
        actor: 'rongchang.admin',
        expect: 'hidden',
        hidden: [f.demoEnterpriseId],
        control: 'demo.enterprise',
        note: '本区县的工作台也不含企业自身的事项',
      },
    ];
  },
});
