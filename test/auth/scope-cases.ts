import { defineScopeCases } from '../support/scope-cases.js';

const users = 'select count(*)::int as n, max(updated_at)::text as changed from users';

export default defineScopeCases({
  module: 'auth',
  unscoped: {
    'POST /api/auth/login': 'signs in: the caller’s own credentials',
    'POST /api/auth/logout': 'ends the caller’s own session',
    'GET /api/auth/me': 'the caller’s own account',
    'POST /api/auth/password': 'changes the caller’s own password',
  },
  // Accounts are bound to districts and enterprises: only the city administrator manages them.
  async cases(f) {
    const [demo] = await f.query<{ id: string }>("select id from users where username = 'demo.enterprise'");
    return [
      { method: 'GET', url: '/api/users', actor: 'rongchang.admin', expect: 404, control: 'city.admin' },
      { method: 'GET', url: '/api/users', actor: 'demo.enterprise', expect: 404, control: 'city.admin' },
      {
        method: 'POST',
        url: '/api/users',
        actor: 'rongchang.admin',
        expect: 403,
        body: {
          username: 'rogue.user',
          displayName: '越权用户',
          role: 'enterprise',
          enterpriseId: f.yubeiEnterpriseId,
          password: 'Rogue-2026-pass',
        },
        unchanged: users,
      },
      {
        method: 'PATCH',
        url: `/api/users/${demo.id}`,
        actor: 'yubei.admin',
        expect: 403,
        body: { version: 1, enterpriseId: f.yubeiEnterpriseId },
        unchanged: users,
      },
      {
        method: 'POST',
        url: `/api/users/${demo.id}/reset-password`,
        actor: 'rongchang.admin',
        expect: 403,
        body: { password: 'Rogue-2026-pass' },
        unchanged: "select password_hash from users where username = 'demo.enterprise'",
      },
    ];
  },
});
