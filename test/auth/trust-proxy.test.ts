import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-data.js';
import { type Harness, startHarness } from '../support/harness.js';

// Behind a reverse proxy every request comes from the proxy's address: unless the proxy is
// trusted (ZJTX_TRUST_PROXY), one user's failed logins lock everyone behind it.
const fromBehindProxy = (h: Harness, client: string, password: string) =>
  h.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: '10.9.0.1',
    headers: { 'x-forwarded-for': client },
    payload: { username: 'rongchang.admin', password },
  });

describe('a trusted reverse proxy', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite', { trustProxy: ['10.9.0.1'] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('locks the client behind the proxy, not every user of the proxy', async () => {
    for (let i = 0; i < 5; i++) await fromBehindProxy(h, '192.0.2.10', `Wrong-pass-${i}`);
    expect((await fromBehindProxy(h, '192.0.2.10', DEMO_PASSWORD)).statusCode).toBe(423);
    expect((await fromBehindProxy(h, '192.0.2.11', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('an untrusted proxy', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('does not let a client choose its address with X-Forwarded-For', async () => {
    for (let i = 0; i < 5; i++) await fromBehindProxy(h, `192.0.2.${20 + i}`, `Wrong-pass-${i}`);
    expect((await fromBehindProxy(h, '192.0.2.99', DEMO_PASSWORD)).statusCode).toBe(423);
  });
});
