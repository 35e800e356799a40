import { defineScopeCases } from '../support/scope-cases.js';

export default defineScopeCases({
  module: 'jobs',
  async cases(f) {
    // A job yubei.admin started (its district's batch evaluation, as the queue keeps it).
    const [{ id }] = await f.query<{ id: string }>(
      `insert into jobs (kind, payload, status, created_by, actor)
       select 'evaluation.batch', '{"runId": "00000000-0000-0000-0000-000000000001"}'::jsonb, 'done', id, '{}'::jsonb
       from users where username = 'yubei.admin' returning id`,
    );
    return [
      { method: 'GET', url: `/api/jobs/${id}`, actor: 'rongchang.admin', expect: 404, control: 'yubei.admin', note: 'another officer' },
      {
        method: 'GET',
        url: `/api/jobs/${id}`,
        actor: 'city.admin',
        expect: 404,
        control: 'yubei.admin',
        note: 'the city too: only the starter',
      },
    ];
  },
});
