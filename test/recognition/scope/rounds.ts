import type { ModuleScopeCases, ScopeFixtures } from '../../support/scope-cases.js';

/** Rounds, items and titles: a refused write leaves them as they were. */
const rounds = 'select count(*)::int as n, coalesce(sum(version), 0)::int as v from recognition_rounds';
const items =
  "select count(*)::int as n, coalesce(sum(version), 0)::int as v, string_agg(status, ',' order by id) as s from recognition_applications";
const titles = "select count(*)::int as n, string_agg(status, ',' order by id) as s from enterprise_titles";

/** Part B: rounds, 公示, 公告, 推荐 and 结束, revocation. */
const roundsPart: Omit<ModuleScopeCases, 'module'> = {
  unscoped: {
    'GET /api/recognition/rule-set': 'the rule set a round of a tier, type and date gets: no enterprise data (the city only)',
  },
  async cases(f: ScopeFixtures) {
    // A round whose window closed long ago with an item of a 渝北区 enterprise in 公示 (and its history row),
    // and a 小巨人 round: neither is open, so an enterprise that did not apply does not see them.
    const [past] = await f.query<{ id: string; name: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set, publicity_starts_on, publicity_ends_on, opening_notified_at)
       values ('srdi', 'new', 2026, '越权测试往期批次', current_date - 90, current_date - 60, 'srdi-2022', current_date - 3, current_date + 4, now())
       returning id, name`,
    );
    const [giant] = await f.query<{ id: string }>(
      `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set, recommended_on, opening_notified_at)
       values ('little_giant', 'new', 2026, '越权测试小巨人批次', current_date - 90, current_date - 60, 'little-giant-2022', current_date - 5, now())
       returning id`,
    );
    const [item] = await f.query<{ id: string }>(
      `insert into recognition_applications (round_id, enterprise_id, district_code, zone_code, tier, status, submitted_at)
       select $1, e.id, e.district_code, e.zone_code, 'srdi', 'in_publicity', now() from enterprises e where e.id = $2 returning id`,
      [past.id, f.yubeiEnterpriseId],
    );
    await f.query(
      "insert into recognition_history (application_id, action, from_status, to_status) values ($1, 'publicity', 'city_approved', 'in_publicity')",
      [item.id],
    );
    const [yubei] = await f.query<{ uscc: string }>('select uscc from enterprises where id = $1', [f.yubeiEnterpriseId]);
    const [title] = await f.query<{ id: string; enterpriseId: string }>(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status, source)
       values ($1, 'innovative', 'municipal', current_date - 400, current_date + 600, 'valid', 'import') returning id, enterprise_id as "enterpriseId"`,
      [f.rongchangEnterpriseId],
    );
    const create = { tier: 'srdi', type: 'new', year: 2026, opensOn: '2026-06-01', closesOn: '2026-06-30', expertReview: false };
    const revoke = { category: 'data_falsification', reason: '越权撤销', revokedOn: '2026-01-05' };
    return [
      { method: 'POST', url: '/api/recognition/rounds', actor: 'rongchang.admin', expect: 403, body: create, unchanged: rounds },
      { method: 'POST', url: '/api/recognition/rounds', actor: 'demo.enterprise', expect: 403, body: create, unchanged: rounds },
      // An enterprise sees the rounds open now and those it applied to, never another's closed round.
      {
        method: 'GET',
        url: '/api/recognition/rounds',
        actor: 'demo.enterprise',
        expect: 'hidden',
        hidden: [past.id, past.name],
        control: 'city.admin',
      },
      { method: 'GET', url: `/api/recognition/rounds/${past.id}`, actor: 'demo.enterprise', expect: 404, control: 'city.admin' },
      {
        method: 'POST',
        url: `/api/recognition/rounds/${past.id}/publicity`,
        actor: 'yubei.admin',
        expect: 403,
        body: { startsOn: '2026-01-05', applicationIds: [item.id] },
        unchanged: items,
      },
      // The 公示名单: another district's items never appear; an enterprise reads no list.
      {
        method: 'GET',
        url: `/api/recognition/rounds/${past.id}/publicity-list`,
        actor: 'rongchang.admin',
        expect: 'hidden',
        hidden: [item.id, yubei.uscc],
        control: 'yubei.admin',
      },
      {
        method: 'GET',
        url: `/api/recognition/rounds/${past.id}/publicity-list`,
        actor: 'demo.enterprise',
        expect: 404,
        control: 'city.admin',
      },
      {
        method: 'GET',
        url: `/api/recognition/rounds/${past.id}/publicity-list.xlsx`,
        actor: 'demo.enterprise',
        expect: 404,
        control: 'city.admin',
      },
      {
        method: 'POST',
        url: `/api/recognition/rounds/${past.id}/announce`,
        actor: 'yubei.admin',
        expect: 403,
        body: { announcedOn: '2026-01-05', documentNo: '越权文号' },
        unchanged: items,
      },
      {
        method: 'POST',
        url: `/api/recognition/rounds/${giant.id}/recommend`,
        actor: 'rongchang.admin',
        expect: 403,
        body: { recommendedOn: '2026-01-05' },
        unchanged: rounds,
      },
      {
        method: 'GET',
        url: `/api/recognition/rounds/${giant.id}/recommended.xlsx`,
        actor: 'demo.enterprise',
        expect: 404,
        control: 'city.admin',
      },
      {
        method: 'POST',
        url: `/api/recognition/rounds/${giant.id}/close`,
        actor: 'demo.enterprise',
        expect: 403,
        body: { closedOn: '2026-01-05' },
        unchanged: rounds,
      },
      // Revocation: the city only — the enterprise's own district officer may not.
      {
        method: 'POST',
        url: `/api/enterprises/${title.enterpriseId}/titles/${title.id}/revoke`,
        actor: 'rongchang.admin',
        expect: 403,
        body: revoke,
        unchanged: titles,
      },
      {
        method: 'POST',
        url: `/api/enterprises/${title.enterpriseId}/titles/${title.id}/revoke`,
        actor: 'demo.enterprise',
        expect: 403,
        body: revoke,
        unchanged: titles,
      },
    ];
  },
};

export default roundsPart;
