import type { ModuleScopeCases, ScopeFixtures } from '../../support/scope-cases.js';

/** Every application's status and version: a refused write leaves them as they were. */
const applications =
  "select count(*)::int as n, coalesce(sum(version), 0)::int as v, string_agg(status, ',' order by id) as s, md5(coalesce(string_agg(checklist::text, ',' order by id), '')) as c from recognition_applications";

/** Part R: the officers' actions, the list, batch approval and the checklist. */
const review: Omit<ModuleScopeCases, 'module'> = {
  async cases(f: ScopeFixtures) {
    // The demo has no applications: a round with one of the demo enterprise (荣昌区, submitted), one of
    // another 荣昌区 enterprise (district_approved) and one of a 渝北区 enterprise (submitted).
    const [round] = await f.query<{ id: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set)
       values ('srdi', 'new', 2026, '越权测试批次', current_date - 30, current_date + 30, 'srdi-2022') returning id`,
    );
    const add = async (enterpriseId: string, status: string) => {
      const [row] = await f.query<{ id: string }>(
        `insert into recognition_applications (round_id, enterprise_id, district_code, zone_code, tier, status, submitted_at, district_due_on)
         select $1, e.id, e.district_code, e.zone_code, 'srdi', $2, now(), current_date + 7 from enterprises e where e.id = $3 returning id`,
        [round.id, status, enterpriseId],
      );
      return row.id;
    };
    const demo = await add(f.demoEnterpriseId, 'submitted');
    const approved = await add(f.rongchangEnterpriseId, 'district_approved');
    const yubei = await add(f.yubeiEnterpriseId, 'submitted');
    const checklist = { creditChina: true, abnormalOperation: true, seriousDishonesty: true, onsiteCheck: true };
    const batch = '/api/recognition/applications/batch-actions';
    return [
      // The list: another district's and another enterprise's applications never appear.
      {
        method: 'GET',
        url: `/api/recognition/applications?roundId=${round.id}`,
        actor: 'yubei.admin',
        expect: 'hidden',
        hidden: [demo, approved],
        control: 'rongchang.admin',
      },
      {
        method: 'GET',
        url: `/api/recognition/applications?roundId=${round.id}`,
        actor: 'rongchang.admin',
        expect: 'hidden',
        hidden: [yubei],
        control: 'city.admin',
      },
      {
        method: 'GET',
        url: `/api/recognition/applications?roundId=${round.id}`,
        actor: 'demo.enterprise',
        expect: 'hidden',
        hidden: [approved, yubei],
        control: 'city.admin',
      },
      {
        method: 'GET',
        url: `/api/recognition/applications?roundId=${round.id}`,
        actor: 'expert.001',
        expect: 'hidden',
        hidden: [demo, approved, yubei],
        control: 'city.admin',
      },
      // The officers' actions: another district 404, the enterprise 403 on 初审, a district 403 on 复审.
      {
        method: 'POST',
        url: `/api/recognition/applications/${demo}/actions`,
        actor: 'yubei.admin',
        expect: 404,
        body: { action: 'district_approve' },
        unchanged: applications,
      },
      {
        method: 'POST',
        url: `/api/recognition/applications/${demo}/actions`,
        actor: 'yubei.admin',
        expect: 404,
        body: { action: 'return', reason: '越权退回' },
        unchanged: applications,
      },
      {
        method: 'POST',
        url: `/api/recognition/applications/${demo}/actions`,
        actor: 'demo.enterprise',
        expect: 403,
        body: { action: 'district_approve' },
        unchanged: applications,
      },
      {
        method: 'POST',
        url: `/api/recognition/applications/${approved}/actions`,
        actor: 'rongchang.admin',
        expect: 403,
        body: { action: 'city_approve' },
        unchanged: applications,
      },
      {
        method: 'POST',
        url: `/api/recognition/applications/${demo}/actions`,
        actor: 'expert.001',
        expect: 404,
        body: { action: 'district_reject', reason: '越权' },
        unchanged: applications,
      },
      // Batch approval: the enterprise and an expert 403; a district 403 on the city's step.
      {
        method: 'POST',
        url: batch,
        actor: 'demo.enterprise',
        expect: 403,
        body: { action: 'district_approve', ids: [demo] },
        unchanged: applications,
      },
      {
        method: 'POST',
        url: batch,
        actor: 'expert.001',
        expect: 403,
        body: { action: 'district_approve', ids: [demo] },
        unchanged: applications,
      },
      {
        method: 'POST',
        url: batch,
        actor: 'rongchang.admin',
        expect: 403,
        body: { action: 'city_approve', ids: [approved] },
        unchanged: applications,
      },
      // The checklist: another district 404, the enterprise 403.
      {
        method: 'PUT',
        url: `/api/recognition/applications/${demo}/checklist`,
        actor: 'yubei.admin',
        expect: 404,
        body: checklist,
        unchanged: applications,
      },
      {
        method: 'PUT',
        url: `/api/recognition/applications/${yubei}/checklist`,
        actor: 'rongchang.admin',
        expect: 404,
        body: checklist,
        unchanged: applications,
      },
      {
        method: 'PUT',
        url: `/api/recognition/applications/${demo}/checklist`,
        actor: 'demo.enterprise',
        expect: 403,
        body: checklist,
        unchanged: applications,
      },
    ];
  },
};
export default review;
