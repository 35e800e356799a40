import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluation } from '../support/evaluation.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

describe.each(DATABASE_KINDS)('answering the review questions and evaluating one enterprise again on %s', (kind) => {
  let h: Harness;
  let city: string;
  let yubei: string;
  let enterpriseUser: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    city = await h.login('city.admin');
    yubei = await h.login('yubei.admin');
    enterpriseUser = await h.login('demo.enterprise');
  });
  afterAll(() => h.close());

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: { cookie }, payload });
  it('shows the open question, takes an officer’s answer, and re-evaluates that enterprise alone', async () => {
    await runEvaluation(h, city, { assessmentDate: '2026-11-22' });
    // An enterprise meeting every hard condition of the 2026 SRDI rules, waiting for the market question.
    const [{ id, district_code: district }] = await h.database.query<{ id: string; district_code: string }>(
      `select r.enterprise_id as id, e.district_code from evaluation_results r join enterprises e on e.id = r.enterprise_id
        where r.tier = 'srdi' and r.outcome = 'needs_review' and e.district_code <> '500112'
          and coalesce(e.current_tier, 'none') not in ('srdi', 'little_giant') order by e.name limit 1`,
    );
    // The pool lists it under 待人工审核, saying which question; the three statuses make up the pool.
    const review = (await call(city, 'GET', '/api/evaluations/pool?tier=srdi&status=review&pageSize=200')).json();
    expect(review.items.find((i: { enterpriseId: string }) => i.enterpriseId === id)?.missing[0]).toBe('待人工审核：细分市场地位');
    expect(review.items.every((i: { outcome: string }) => i.outcome === 'needs_review')).toBe(true);
    const total = async (status: string) => (await call(city, 'GET', `/api/evaluations/pool?tier=srdi${status}&pageSize=1`)).json().total;
    expect((await total('&status=qualified')) + review.total + (await total('&status=near'))).toBe(await total(''));

    const before = (await call(city, 'GET', `/api/evaluations/enterprise/${id}`)).json();
    expect(before.questions).toContainEqual({
      id: 'srdi2026.market',
      tier: 'srdi',
      name: '细分市场地位',
      question: '主导产品在国内或国际细分市场占有率是否较高、具有一定知名度？',
      answer: null,
    });

    // Another district's officer can neither see it nor evaluate it.
    expect((await call(yubei, 'GET', `/api/evaluations/enterprise/${id}`)).statusCode).toBe(404);
    expect((await call(yubei, 'POST', '/api/evaluations/runs', { enterpriseId: id })).statusCode).toBe(404);

    const enterprise = (await call(city, 'GET', `/api/enterprises/${id}`)).json();
    const wrong = await call(city, 'PATCH', `/api/enterprises/${id}`, {
      version: enterprise.version,
      facts: { ...enterprise.facts, reviewerAnswers: { 'no.such.question': true } },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details.fields[0].field).toMatch(/^facts\.reviewerAnswers/);
    const answered = await call(city, 'PATCH', `/api/enterprises/${id}`, {
      version: enterprise.version,
      facts: { ...enterprise.facts, reviewerAnswers: { 'srdi2026.market': true } },
    });
    expect(answered.statusCode, answered.body).toBe(200);

    const runsBefore = await h.count('select count(*) as n from evaluation_runs');
    const single = await runEvaluation(h, city, { assessmentDate: '2026-11-22', enterpriseId: id });
    expect(single.total).toBe(1);
    expect(await h.count('select count(*) as n from evaluation_runs')).toBe(runsBefore + 1);
    const after = (await call(city, 'GET', `/api/evaluations/enterprise/${id}`)).json();
    expect(after.latest.find((r: { tier: string }) => r.tier === 'srdi').outcome).toBe('qualified');
    expect(after.questions.find((q: { id: string }) => q.id === 'srdi2026.market').answer).toBe(true);
    expect(after.history.filter((r: { tier: string }) => r.tier === 'srdi').length).toBe(2);
    // Only this enterprise was evaluated again.
    expect(await h.count('select count(*) as n from evaluation_history where run_id = $1', [single.id])).toBe(3);
    expect(district).not.toBe('500112');
  });

  it('keeps an enterprise from answering its own review questions', async () => {
    const [{ id }] = await h.database.query<{ id: string }>("select enterprise_id as id from users where username = 'demo.enterprise'");
    const own = (await call(enterpriseUser, 'GET', `/api/enterprises/${id}`)).json();
    const refused = await call(enterpriseUser, 'PATCH', `/api/enterprises/${own.id}`, {
      version: own.version,
      facts: { ...own.facts, reviewerAnswers: { 'srdi2026.market': true } },
    });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'ENTERPRISE_FIELD_FORBIDDEN', details: { field: 'facts.reviewerAnswers' } });
    // Sending its facts without them is fine and leaves the officers' assessments as they were.
    const kept = await call(enterpriseUser, 'PATCH', `/api/enterprises/${own.id}`, {
      version: own.version,
      facts: { ...own.facts, reviewerAnswers: undefined, digitalLevel: 3 },
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().facts.featuredScore).toBe(own.facts.featuredScore);
  });
});
