import { defineScopeCases } from '../support/scope-cases.js';

const experts = 'select count(*)::int as n, max(updated_at)::text as changed from experts';
const conflicts = 'select count(*)::int as n from expert_conflicts';
const assignments = 'select count(*)::int as n from expert_assignments';
const visits = 'select count(*)::int as n from expert_visits';

export default defineScopeCases({
  module: 'experts',
  async cases(f) {
    const [expert] = await f.query<{ id: string; version: number }>(
      "select x.id, x.version from experts x join users u on u.id = x.user_id where u.username = 'expert.002'",
    );
    const [conflict] = await f.query<{ expertId: string; enterpriseId: string }>(
      'select expert_id as "expertId", enterprise_id as "enterpriseId" from expert_conflicts limit 1',
    );
    const [assignment] = await f.query<{ expertId: string; id: string }>(
      'select expert_id as "expertId", id from expert_assignments limit 1',
    );
    // An enterprise no demo expert reaches through expert.001's assignments: 渝北区, not a 小巨人.
    const [unassigned] = await f.query<{ id: string }>(
      "select id from enterprises where district_code = '500112' and current_tier is distinct from 'little_giant' order by id limit 1",
    );
    const visit = { visitedOn: '2026-01-15', form: 'onsite', topic: '走访', advice: '建议' };
    const body = { name: '越权专家', industryCode: '39', organization: '重庆大学', districtCodes: ['500153'] };
    return [
      { method: 'GET', url: '/api/experts', actor: 'rongchang.admin', expect: 404, control: 'city.admin' },
      { method: 'GET', url: '/api/experts', actor: 'expert.001', expect: 404, control: 'city.admin' },
      { method: 'POST', url: '/api/experts', actor: 'rongchang.admin', expect: 403, body, unchanged: experts },
      { method: 'GET', url: '/api/experts/me', actor: 'city.admin', expect: 404, control: 'expert.001' },
      { method: 'GET', url: `/api/experts/${expert.id}`, actor: 'rongchang.admin', expect: 404, control: 'city.admin' },
      { method: 'GET', url: `/api/experts/${expert.id}`, actor: 'expert.002', expect: 404, control: 'city.admin' },
      {
        method: 'PUT',
        url: `/api/experts/${expert.id}`,
        actor: 'yubei.admin',
        expect: 403,
        body: { ...body, version: expert.version },
        unchanged: experts,
      },
      {
        method: 'POST',
        url: `/api/experts/${expert.id}/account`,
        actor: 'rongchang.admin',
        expect: 403,
        body: { username: 'expert.intruder', password: 'Zjtx-expert-2026!' },
        unchanged: experts,
      },
      {
        method: 'POST',
        url: `/api/experts/${expert.id}/conflicts`,
        actor: 'expert.002',
        expect: 403,
        body: { enterpriseId: f.demoEnterpriseId, reason: '越权登记' },
        unchanged: conflicts,
      },
      {
        method: 'DELETE',
        url: `/api/experts/${conflict.expertId}/conflicts/${conflict.enterpriseId}`,
        actor: 'rongchang.admin',
        expect: 403,
        unchanged: conflicts,
      },
      {
        method: 'POST',
        url: `/api/experts/${expert.id}/assignments`,
        actor: 'rongchang.admin',
        expect: 403,
        body: { kind: 'district', districtCode: '500153' },
        unchanged: assignments,
      },
      {
        method: 'DELETE',
        url: `/api/experts/${assignment.expertId}/assignments/${assignment.id}`,
        actor: 'yubei.admin',
        expect: 403,
        unchanged: assignments,
      },
      {
        method: 'GET',
        url: `/api/enterprises/${f.yubeiEnterpriseId}/expert-visits`,
        actor: 'rongchang.admin',
        expect: 404,
        control: 'yubei.admin',
      },
      { method: 'GET', url: `/api/enterprises/${unassigned.id}/expert-visits`, actor: 'expert.001', expect: 404, control: 'yubei.admin' },
      {
        method: 'GET',
        url: `/api/enterprises/${f.rongchangEnterpriseId}/expert-visits`,
        actor: 'demo.enterprise',
        expect: 404,
        control: 'rongchang.admin',
      },
      {
        method: 'POST',
        url: `/api/enterprises/${unassigned.id}/expert-visits`,
        actor: 'expert.001',
        expect: 404,
        body: visit,
        unchanged: visits,
        note: 'an expert writes visits only for enterprises assigned to it (404 as if absent)',
      },
      {
        method: 'POST',
        url: `/api/enterprises/${f.demoEnterpriseId}/expert-visits`,
        actor: 'rongchang.admin',
        expect: 403,
        body: visit,
        unchanged: visits,
      },
    ];
  },
});
