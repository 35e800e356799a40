import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

describe.each(DATABASE_KINDS)('health and API docs on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  it('answers health with the database kind', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: kind });
  });

  it('serves the OpenAPI description at /api/docs', async () => {
    const json = await h.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(json.statusCode).toBe(200);
    const paths = Object.keys(json.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/auth/login', '/api/auth/me', '/api/users', '/api/audit']));
    const page = await h.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(page.statusCode);
  });

  it('loads the reference data by migration: 38 区县 + 3 zones, 20 门类 + 97 大类, the 33618 clusters', async () => {
    expect(await h.count("select count(*) as n from districts where kind <> 'zone'")).toBe(38);
    expect(await h.count("select count(*) as n from districts where kind = 'zone'")).toBe(3);
    expect(await h.count("select count(*) as n from industries where level = 'section'")).toBe(20);
    expect(await h.count("select count(*) as n from industries where level = 'division'")).toBe(97);
    expect(await h.count("select count(*) as n from clusters where category = 'leading'")).toBe(3);
  });

  it('answers an unknown API path with a Chinese 404', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('ROUTE_NOT_FOUND');
  });
});
