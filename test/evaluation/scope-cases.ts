import { defineScopeCases } from '../support/scope-cases.js';

const runs = 'select count(*)::int as n from evaluation_runs';
const versions = 'select count(*)::int as n from rule_set_versions';

export default defineScopeCases({
  module: 'evaluation',
  unscoped: {
    'POST /api/evaluations/preview': 'self-assessment: computes the answer for the figures sent, stores nothing, reads no enterprise',
    'GET /api/evaluations/rule-sets': 'the published rules (indicators, bands, thresholds), the same for everyone',
  },
  async cases(f) {
    // A finished run of 渝北区's officer over its district (as the run table keeps it).
    const [{ id: run }] = await f.query<{ id: string }>(
      `insert into evaluation_runs (started_by, actor, assessment_date, status, scope_key, total, processed, finished_at)
       select id, '{}'::jsonb, '2026-11-22', 'done', 'district:500112', 1, 1, now() from users where username = 'yubei.admin' returning id`,
    );
    // Stored evaluations (the demo database's, if any) make the control meaningful.
    const evaluated = async (district: string, exceptId?: string) =>
      (
        await f.query<{ id: string }>(
          `select r.enterprise_id as id from evaluation_results r join enterprises e on e.id = r.enterprise_id
           where e.district_code = $1 and e.zone_code is null and e.id <> $2 limit 1`,
          [district, exceptId ?? '00000000-0000-0000-0000-000000000000'],
        )
      )[0]?.id;
    const yubeiEvaluated = await evaluated('500112');
    const [demoUser] = await f.query<{ enterprise_id: string }>("select enterprise_id from users where username = 'demo.enterprise'");
    const rongchangEvaluated = await evaluated('500153', demoUser.enterprise_id);
    return [
      {
        method: 'GET',
        url: `/api/evaluations/input/${f.yubeiEnterpriseId}`,
        actor: 'rongchang.admin',
        expect: 404,
        control: 'yubei.admin',
      },
      {
        method: 'GET',
        url: `/api/evaluations/input/${f.rongchangEnterpriseId}`,
        actor: 'demo.enterprise',
        expect: 404,
        control: 'rongchang.admin',
      },
      yubeiEvaluated
        ? {
            method: 'GET',
            url: `/api/evaluations/enterprise/${yubeiEvaluated}`,
            actor: 'rongchang.admin',
            expect: 404,
            control: 'yubei.admin',
          }
        : { method: 'GET', url: `/api/evaluations/enterprise/${f.yubeiEnterpriseId}`, actor: 'rongchang.admin', expect: 404 },
      rongchangEvaluated
        ? {
            method: 'GET',
            url: `/api/evaluations/enterprise/${rongchangEvaluated}`,
            actor: 'demo.enterprise',
            expect: 404,
            control: 'rongchang.admin',
          }
        : { method: 'GET', url: `/api/evaluations/enterprise/${f.rongchangEnterpriseId}`, actor: 'demo.enterprise', expect: 404 },
      {
        method: 'POST',
        url: '/api/evaluations/runs',
        actor: 'rongchang.admin',
        expect: 404,
        body: { enterpriseId: f.yubeiEnterpriseId },
        unchanged: runs,
      },
      { method: 'POST', url: '/api/evaluations/runs', actor: 'demo.enterprise', expect: 403, body: {}, unchanged: runs },
      { method: 'GET', url: `/api/evaluations/runs/${run}`, actor: 'rongchang.admin', expect: 404, control: 'yubei.admin' },
      { method: 'GET', url: '/api/evaluations/runs/current', actor: 'demo.enterprise', expect: 404, control: 'rongchang.admin' },
      { method: 'GET', url: '/api/evaluations/pool?tier=srdi', actor: 'demo.enterprise', expect: 404, control: 'rongchang.admin' },
      { method: 'GET', url: '/api/evaluations/pool/export?tier=srdi', actor: 'demo.enterprise', expect: 404, control: 'rongchang.admin' },
      {
        method: 'GET',
        url: '/api/evaluations/pool?tier=srdi&district=500112',
        actor: 'rongchang.admin',
        expect: 'hidden',
        hidden: [f.yubeiEnterpriseId],
      },
      {
        method: 'GET',
        url: '/api/evaluations/rule-sets/srdi-2022/parameters',
        actor: 'demo.enterprise',
        expect: 404,
        control: 'rongchang.admin',
      },
      {
        method: 'POST',
        url: '/api/evaluations/rule-sets/srdi-2022/impact',
        actor: 'rongchang.admin',
        expect: 403,
        body: { values: { passScore: 50 } },
      },
      {
        method: 'POST',
        url: '/api/evaluations/rule-sets/srdi-2022/versions',
        actor: 'rongchang.admin',
        expect: 403,
        body: { values: { passScore: 50 }, note: '越权修正' },
        unchanged: versions,
      },
    ];
  },
});
