import type { ModuleScopeCases, ScopeFixtures } from '../../support/scope-cases.js';

/** Every application's status, versions and form: a refused write leaves them as they were. */
const applications =
  "select count(*)::int as n, coalesce(sum(version + form_version), 0)::int as v, string_agg(status, ',' order by id) as s, md5(coalesce(string_agg(form::text, ',' order by id), '')) as f from recognition_applications";

/** Part A: the enterprise's side (create, autosave, submit/withdraw, the detail, the registry now, the PDF). */
const enterpriseSide: Omit<ModuleScopeCases, 'module'> = {
  async cases(f: ScopeFixtures) {
    const [round] = await f.query<{ id: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set)
       values ('little_giant', 'new', 2026, '越权测试批次（企业申报）', current_date - 30, current_date + 30, 'little-giant-2022') returning id`,
    );
    const add = async (enterpriseId: string) => {
      const [row] = await f.query<{ id: string }>(
        `insert into recognition_applications (round_id, enterprise_id, district_code, zone_code, tier, status)
         select $1, e.id, e.district_code, e.zone_code, 'little_giant', 'draft' from enterprises e where e.id = $2 returning id`,
        [round.id, enterpriseId],
      );
      return row.id;
    };
    // The demo enterprise's draft and another 荣昌区 enterprise's draft.
    const demo = await add(f.demoEnterpriseId);
    const other = await add(f.rongchangEnterpriseId);
    const url = (id: string) => `/api/recognition/applications/${id}`;
    const draft = { form: {}, formVersion: 1 };
    return [
      { method: 'GET', url: url(demo), actor: 'yubei.admin', expect: 404, control: 'rongchang.admin' },
      { method: 'GET', url: url(other), actor: 'demo.enterprise', expect: 404, control: 'rongchang.admin' },
      { method: 'GET', url: url(demo), actor: 'expert.001', expect: 404, control: 'demo.enterprise' },
      {
        method: 'POST',
        url: '/api/recognition/applications',
        actor: 'rongchang.admin',
        expect: 403,
        body: { roundId: round.id },
        unchanged: applications,
      },
      {
        method: 'POST',
        url: '/api/recognition/applications',
        actor: 'expert.001',
        expect: 403,
        body: { roundId: round.id },
        unchanged: applications,
      },
      { method: 'PUT', url: `${url(other)}/draft`, actor: 'demo.enterprise', expect: 404, body: draft, unchanged: applications },
      { method: 'PUT', url: `${url(demo)}/draft`, actor: 'rongchang.admin', expect: 403, body: draft, unchanged: applications },
      { method: 'PUT', url: `${url(demo)}/draft`, actor: 'expert.001', expect: 404, body: draft, unchanged: applications },
      {
        method: 'POST',
        url: `${url(other)}/actions`,
        actor: 'demo.enterprise',
        expect: 404,
        body: { action: 'submit', pledge: true },
        unchanged: applications,
      },
      {
        method: 'POST',
        url: `${url(demo)}/actions`,
        actor: 'rongchang.admin',
        expect: 403,
        body: { action: 'submit', pledge: true },
        unchanged: applications,
      },
      {
        method: 'POST',
        url: `${url(demo)}/actions`,
        actor: 'yubei.admin',
        expect: 404,
        body: { action: 'withdraw' },
        unchanged: applications,
      },
      {
        method: 'POST',
        url: `${url(demo)}/actions`,
        actor: 'city.admin',
        expect: 403,
        body: { action: 'withdraw' },
        unchanged: applications,
      },
      { method: 'GET', url: `${url(demo)}/current`, actor: 'demo.enterprise', expect: 404, control: 'rongchang.admin' },
      { method: 'GET', url: `${url(demo)}/current`, actor: 'yubei.admin', expect: 404, control: 'city.admin' },
      { method: 'GET', url: `${url(demo)}/pdf`, actor: 'yubei.admin', expect: 404, control: 'rongchang.admin' },
      { method: 'GET', url: `${url(other)}/pdf`, actor: 'demo.enterprise', expect: 404, control: 'city.admin' },
    ];
  },
};
export default enterpriseSide;
