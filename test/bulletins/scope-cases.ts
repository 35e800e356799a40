import { defineScopeCases, type ScopeCase, type ScopeFixtures } from '../support/scope-cases.js';

// The bulletins module's wrong-actor cases (issue 12): 通报 are officers' reads (an enterprise is told
// "not found"); the draft is the city's; settings and publication are the city's writes.
export default defineScopeCases({
  module: 'bulletins',
  async cases(f: ScopeFixtures): Promise<ScopeCase[]> {
    // A published 通报 of a past month, by the city.
    const published = await f.h.app.inject({
      method: 'POST',
      url: '/api/bulletins',
      headers: { cookie: await f.cookie('city.admin') },
      payload: { periodKind: 'month', period: '2019-05', documentNo: '渝经信中小〔2019〕5号' },
    });
    if (published.statusCode !== 201) throw new Error(`publishing the scope cases' 通报 failed: ${published.body}`);
    const id = (published.json() as { id: string }).id;
    const settings = JSON.stringify({
      cap: 1.2,
      indicators: [
        { key: 'new_innovative', weight: 100, method: 'target' },
        ...['new_srdi', 'new_little_giant'].map((key) => ({ key, weight: 0, method: 'target' })),
        ...['review_pass_rate', 'annual_update_rate', 'monitoring_rate', 'appeals', 'services_financing'].map((key) => ({
          key,
          weight: 0,
          method: 'rate',
        })),
      ],
    });
    return [
      { method: 'GET', url: '/api/bulletins/settings', actor: 'demo.enterprise', expect: 404, control: 'rongchang.admin' },
      {
        method: 'PUT',
        url: '/api/bulletins/settings',
        actor: 'rongchang.admin',
        expect: 403,
        body: JSON.parse(settings),
        unchanged: 'select coalesce(max(version), 0) from bulletin_settings',
      },
      {
        method: 'GET',
        url: '/api/bulletins/draft?periodKind=month&period=2019-06',
        actor: 'rongchang.admin',
        expect: 404,
        control: 'city.admin',
        note: 'the draft is the city’s until it is published',
      },
      {
        method: 'POST',
        url: '/api/bulletins',
        actor: 'rongchang.admin',
        expect: 403,
        body: { periodKind: 'month', period: '2019-06' },
        unchanged: 'select count(*) from bulletins',
      },
      {
        method: 'POST',
        url: '/api/bulletins',
        actor: 'demo.enterprise',
        expect: 403,
        body: { periodKind: 'month', period: '2019-06' },
        unchanged: 'select count(*) from bulletins',
      },
      { method: 'GET', url: '/api/bulletins', actor: 'demo.enterprise', expect: 404, control: 'rongchang.admin' },
      { method: 'GET', url: `/api/bulletins/${id}`, actor: 'demo.enterprise', expect: 404, control: 'yubei.admin' },
      { method: 'GET', url: `/api/bulletins/${id}/document.docx`, actor: 'demo.enterprise', expect: 404, control: 'rongchang.admin' },
      { method: 'GET', url: `/api/bulletins/${id}/ranking.xlsx`, actor: 'demo.enterprise', expect: 404, control: 'rongchang.admin' },
    ];
  },
});
