import type { ModuleScopeCases, ScopeFixtures } from '../../support/scope-cases.js';

/** Every expert review and its content: a refused draw or score leaves them as they were. */
const reviews =
  "select count(*)::int as n, md5(coalesce(string_agg(coalesce(score::text, '-') || opinion, ',' order by application_id, expert_id), '')) as s from recognition_expert_reviews";
/** Every objection with its finding: a refused record or finding leaves them as they were. */
const objections =
  "select count(*)::int as n, string_agg(status || coalesce(finding_reason, ''), ',' order by id) as s from recognition_objections";

/** Part C: the expert draw, the experts' reviews, the city's view of them, objections and findings. */
const experts: Omit<ModuleScopeCases, 'module'> = {
  async cases(f: ScopeFixtures) {
    // A round with expert review: a 荣昌区 item drawn for expert.001 (only), and the demo enterprise's item in 公示 with an objection.
    const [round] = await f.query<{ id: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set, expert_review, publicity_starts_on, publicity_ends_on)
       values ('srdi', 'new', 2026, '专家评审越权测试批次', current_date - 60, current_date - 30, 'srdi-2022', true, current_date - 1, current_date + 5)
       returning id`,
    );
    const add = async (enterpriseId: string, status: string) => {
      const [row] = await f.query<{ id: string }>(
        `insert into recognition_applications (round_id, enterprise_id, district_code, zone_code, tier, status, submitted_at, industry_code)
         select $1, e.id, e.district_code, e.zone_code, 'srdi', $2, now(), e.industry_code from enterprises e where e.id = $3 returning id`,
        [round.id, status, enterpriseId],
      );
      return row.id;
    };
    const reviewed = await add(f.rongchangEnterpriseId, 'expert_review');
    await f.query(
      `insert into recognition_expert_reviews (application_id, expert_id, score, opinion)
       select $1, x.id, 75, '草稿意见' from experts x join users u on u.id = x.user_id where u.username = 'expert.001'`,
      [reviewed],
    );
    const [{ name: reviewedName }] = await f.query<{ name: string }>('select name from enterprises where id = $1', [
      f.rongchangEnterpriseId,
    ]);
    const publicised = await add(f.demoEnterpriseId, 'in_publicity');
    const [{ id: objectionId }] = await f.query<{ id: string }>(
      `insert into recognition_objections (application_id, channel, objector_name, objector_contact, facts, received_on, recorded_by)
       select $1, 'phone', '越权测试异议人', '13800000000', '越权测试事实', current_date, id from users where username = 'city.admin' returning id`,
      [publicised],
    );
    const review = { answers: {}, featuredScore: 5, score: 60, opinion: '越权评分', submit: true };
    const objection = {
      channel: 'phone',
      objectorName: '越权',
      objectorContact: '13800000001',
      facts: '越权登记',
      receivedOn: '2026-01-15',
    };
    return [
      // The draw: the city's.
      {
        method: 'POST',
        url: `/api/recognition/rounds/${round.id}/experts/draw`,
        actor: 'rongchang.admin',
        expect: 403,
        body: {},
        unchanged: reviews,
      },
      {
        method: 'POST',
        url: `/api/recognition/rounds/${round.id}/experts/draw`,
        actor: 'expert.001',
        expect: 403,
        body: {},
        unchanged: reviews,
      },
      // An expert's list shows only what it was drawn for; officers have no such list.
      {
        method: 'GET',
        url: '/api/recognition/reviews',
        actor: 'expert.002',
        expect: 'hidden',
        hidden: [reviewed, reviewedName],
        control: 'expert.001',
      },
      { method: 'GET', url: '/api/recognition/reviews', actor: 'city.admin', expect: 404, control: 'expert.001' },
      // The expert's own review: another expert reads nothing and scores nothing.
      { method: 'GET', url: `/api/recognition/applications/${reviewed}/review`, actor: 'expert.002', expect: 404, control: 'expert.001' },
      { method: 'GET', url: `/api/recognition/applications/${reviewed}/review`, actor: 'city.admin', expect: 404, control: 'expert.001' },
      {
        method: 'PUT',
        url: `/api/recognition/applications/${reviewed}/review`,
        actor: 'expert.002',
        expect: 404,
        body: review,
        unchanged: reviews,
      },
      {
        method: 'PUT',
        url: `/api/recognition/applications/${reviewed}/review`,
        actor: 'city.admin',
        expect: 403,
        body: review,
        unchanged: reviews,
      },
      {
        method: 'PUT',
        url: `/api/recognition/applications/${reviewed}/review`,
        actor: 'rongchang.admin',
        expect: 403,
        body: review,
        unchanged: reviews,
      },
      // The city's view of the reviews: not the district, not the experts themselves.
      {
        method: 'GET',
        url: `/api/recognition/applications/${reviewed}/reviews`,
        actor: 'rongchang.admin',
        expect: 404,
        control: 'city.admin',
      },
      { method: 'GET', url: `/api/recognition/applications/${reviewed}/reviews`, actor: 'expert.001', expect: 404, control: 'city.admin' },
      // Objections: the city or the item's district records; the city alone finds; the list for them only.
      {
        method: 'POST',
        url: `/api/recognition/applications/${publicised}/objections`,
        actor: 'yubei.admin',
        expect: 404,
        body: objection,
        unchanged: objections,
      },
      {
        method: 'POST',
        url: `/api/recognition/applications/${publicised}/objections`,
        actor: 'demo.enterprise',
        expect: 403,
        body: objection,
        unchanged: objections,
      },
      {
        method: 'POST',
        url: `/api/recognition/objections/${objectionId}/finding`,
        actor: 'rongchang.admin',
        expect: 403,
        body: { finding: 'upheld', reason: '越权' },
        unchanged: objections,
      },
      {
        method: 'POST',
        url: `/api/recognition/objections/${objectionId}/finding`,
        actor: 'demo.enterprise',
        expect: 403,
        body: { finding: 'dismissed', reason: '越权' },
        unchanged: objections,
      },
      {
        method: 'GET',
        url: `/api/recognition/applications/${publicised}/objections`,
        actor: 'yubei.admin',
        expect: 404,
        control: 'rongchang.admin',
      },
      {
        method: 'GET',
        url: `/api/recognition/applications/${publicised}/objections`,
        actor: 'demo.enterprise',
        expect: 404,
        control: 'city.admin',
      },
    ];
  },
};

export default experts;
