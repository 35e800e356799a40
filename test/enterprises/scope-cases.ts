import { multipart } from '../support/files.js';
import { defineScopeCases } from '../support/scope-cases.js';

const enterprises = 'select count(*)::int as n, max(updated_at)::text as changed from enterprises';
const titles = 'select count(*)::int as n from enterprise_titles';

export default defineScopeCases({
  module: 'enterprises',
  unscoped: {
    'GET /api/enterprises/import-template': 'the empty import template (column headings and examples), no records',
  },
  async cases(f) {
    const [yubei] = await f.query<{ name: string; uscc: string }>('select name, uscc from enterprises where id = $1', [
      f.yubeiEnterpriseId,
    ]);
    // An import job of 渝北区's officer, started through the API (a file of that enterprise, exported by the officer).
    const yubeiCookie = await f.cookie('yubei.admin');
    const exported = await f.h.app.inject({
      method: 'GET',
      url: `/api/enterprises/export?q=${yubei.uscc}`,
      headers: { cookie: yubeiCookie },
    });
    const file = await multipart(exported.rawPayload, 'yubei.xlsx');
    const started = await f.h.app.inject({
      method: 'POST',
      url: '/api/enterprises/import-jobs',
      headers: { cookie: yubeiCookie, ...file.headers },
      payload: file.payload,
    });
    if (started.statusCode !== 202) throw new Error(`import job for the scope matrix: ${started.statusCode} ${started.body}`);
    const job: string = started.json().id;
    return [
      {
        method: 'GET',
        url: `/api/enterprises?q=${encodeURIComponent(yubei.name)}`,
        actor: 'rongchang.admin',
        expect: 'hidden',
        hidden: [f.yubeiEnterpriseId],
        control: 'yubei.admin',
      },
      {
        method: 'GET',
        url: `/api/enterprises?q=${yubei.uscc}`,
        actor: 'demo.enterprise',
        expect: 'hidden',
        hidden: [f.yubeiEnterpriseId],
        control: 'city.admin',
      },
      {
        method: 'GET',
        url: `/api/enterprises/export?q=${yubei.uscc}`,
        actor: 'rongchang.admin',
        expect: 'hidden',
        hidden: [yubei.uscc],
        control: 'yubei.admin',
      },
      { method: 'GET', url: `/api/enterprises/${f.yubeiEnterpriseId}`, actor: 'rongchang.admin', expect: 404, control: 'yubei.admin' },
      {
        method: 'GET',
        url: `/api/enterprises/${f.rongchangEnterpriseId}`,
        actor: 'demo.enterprise',
        expect: 404,
        control: 'rongchang.admin',
      },
      {
        method: 'POST',
        url: '/api/enterprises',
        actor: 'rongchang.admin',
        expect: 403,
        body: { uscc: '91500112MA5UXXXX0X', name: '越权新增公司', districtCode: '500112', industryCode: '35', establishedOn: '2010-01-01' },
        unchanged: enterprises,
        note: 'an enterprise in another district',
      },
      {
        method: 'POST',
        url: '/api/enterprises',
        actor: 'demo.enterprise',
        expect: 403,
        body: { uscc: '91500153MA5UXXXX0X', name: '越权新增公司', districtCode: '500153', industryCode: '35', establishedOn: '2010-01-01' },
        unchanged: enterprises,
      },
      {
        method: 'PATCH',
        url: `/api/enterprises/${f.yubeiEnterpriseId}`,
        actor: 'rongchang.admin',
        expect: 404,
        body: { version: 1, name: '越权修改' },
        unchanged: enterprises,
      },
      {
        method: 'PATCH',
        url: `/api/enterprises/${f.rongchangEnterpriseId}`,
        actor: 'demo.enterprise',
        expect: 404,
        body: { version: 1, name: '越权修改' },
        unchanged: enterprises,
      },
      // Imports: an enterprise user imports nothing; another officer's job is absent.
      {
        method: 'POST',
        url: '/api/enterprises/import?mode=preview',
        actor: 'demo.enterprise',
        expect: 403,
        ...file,
        unchanged: enterprises,
      },
      {
        method: 'POST',
        url: '/api/enterprises/titles/import?mode=preview',
        actor: 'demo.enterprise',
        expect: 403,
        ...file,
        unchanged: titles,
      },
      { method: 'POST', url: '/api/enterprises/import-jobs', actor: 'demo.enterprise', expect: 403, ...file, unchanged: enterprises },
      { method: 'POST', url: '/api/enterprises/titles/import-jobs', actor: 'demo.enterprise', expect: 403, ...file, unchanged: titles },
      { method: 'GET', url: `/api/enterprises/import-jobs/${job}`, actor: 'rongchang.admin', expect: 404, control: 'yubei.admin' },
      { method: 'GET', url: `/api/enterprises/import-jobs/${job}/error-report`, actor: 'rongchang.admin', expect: 404 },
      { method: 'POST', url: `/api/enterprises/import-jobs/${job}/commit`, actor: 'rongchang.admin', expect: 404, unchanged: enterprises },
    ];
  },
});
