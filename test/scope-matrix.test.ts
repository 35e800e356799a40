import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from './support/files.js';
import { type Harness, startHarness } from './support/harness.js';
import type { ModuleScopeCases, ScopeActor, ScopeCase, ScopeFixtures } from './support/scope-cases.js';
import { DATABASE_KINDS } from './support/test-config.js';

const testDir = fileURLToPath(new URL('.', import.meta.url));
const METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);

/** Every `test/**\/scope-cases.ts` (not the format in test/support). */
function scopeCaseFiles(dir = testDir): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'support' && entry.name !== 'node_modules') found.push(...scopeCaseFiles(path));
    else if (entry.isFile() && entry.name === 'scope-cases.ts' && dir !== testDir) found.push(path);
  }
  return found.sort();
}

/**
 * Every route the app registered, as 'METHOD /path/:param', read from Fastify's own route tree
 * (`printRoutes({ commonPrefix: false })`: one node per line, four characters per level, methods in brackets).
 */
function registeredRoutes(app: FastifyInstance): string[] {
  const routes = new Set<string>();
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    const path = (depth ? stack[depth - 1] : '') + match[2];
    stack.push(path);
    for (const method of match[3]?.split(', ') ?? []) if (METHODS.has(method)) routes.add(`${method} ${path}`);
  }
  return [...routes].sort();
}

/** The registered route a concrete URL reaches: static segments win over parameters, as in Fastify's router. */
function routeOf(routes: string[], method: string, url: string): string | undefined {
  const path = url.split('?')[0];
  const segments = path.split('/');
  let best: { route: string; score: number[] } | undefined;
  for (const route of routes) {
    const [routeMethod, pattern] = route.split(' ');
    if (routeMethod !== method) continue;
    const parts = pattern.split('/');
    const score: number[] = [];
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      if (parts[i] === '*') {
        score.push(0);
        break;
      }
      if (i >= segments.length) ok = false;
      else if (parts[i].startsWith(':')) score.push(1);
      else if (parts[i] === segments[i]) score.push(2);
      else ok = false;
    }
    if (!ok || (!pattern.endsWith('*') && parts.length !== segments.length)) continue;
    if (!best || compare(score, best.score) > 0) best = { route, score };
  }
  return best?.route;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? -1) !== (b[i] ?? -1)) return (a[i] ?? -1) - (b[i] ?? -1);
  return 0;
}

/** The answer as text; a spreadsheet as the JSON of its first sheet's cells. */
async function textOf(response: {
  headers: Record<string, unknown>;
  body: string;
  rawPayload: Buffer;
  statusCode: number;
}): Promise<string> {
  if (response.statusCode === 200 && String(response.headers['content-type']).includes('spreadsheetml')) {
    return JSON.stringify(await readXlsx(response.rawPayload));
  }
  return response.body;
}

describe.each(DATABASE_KINDS)('scope matrix on %s', (kind) => {
  let h: Harness;
  let routes: string[];
  let modules: { file: string; cases: ModuleScopeCases; list: ScopeCase[] }[];
  let fixtures: ScopeFixtures;

  beforeAll(async () => {
    h = await startHarness(kind);
    await h.app.ready();
    routes = registeredRoutes(h.app).filter((r) => r.split(' ')[1].startsWith('/api/'));
    modules = [];
    for (const file of scopeCaseFiles()) {
      const loaded = (await import(pathToFileURL(file).href)) as { default?: ModuleScopeCases };
      if (!loaded.default) throw new Error(`${relative(testDir, file)}: no default export (export default defineScopeCases({ … }))`);
      modules.push({ file: relative(join(testDir, '..'), file), cases: loaded.default, list: [] });
    }
    const cookies = new Map<string, string>();
    const [yubei] = await h.owner.query<{ id: string }>(
      "select id from enterprises where district_code = '500112' and zone_code is null order by id limit 1",
    );
    const [rongchang] = await h.owner.query<{ id: string }>(
      "select e.id from enterprises e where district_code = '500153' and not exists (select 1 from users u where u.enterprise_id = e.id) order by id limit 1",
    );
    const [demo] = await h.owner.query<{ id: string }>("select enterprise_id as id from users where username = 'demo.enterprise'");
    fixtures = {
      yubeiEnterpriseId: yubei.id,
      rongchangEnterpriseId: rongchang.id,
      demoEnterpriseId: demo.id,
      h,
      async cookie(actor: ScopeActor) {
        let cookie = cookies.get(actor);
        if (!cookie) {
          cookie = await h.login(actor);
          cookies.set(actor, cookie);
        }
        return cookie;
      },
      query: (sql, params) => h.owner.query(sql, params),
    };
    for (const m of modules) m.list = (await m.cases.cases?.(fixtures)) ?? [];
  });
  afterAll(() => h?.close());

  it('reads the registered routes from the app itself', () => {
    // The parser of the route tree against the API description: every documented path is found.
    const documented = h.app.swagger() as { paths?: Record<string, Record<string, unknown>> };
    for (const [path, operations] of Object.entries(documented.paths ?? {})) {
      if (!path.startsWith('/api/')) continue;
      for (const method of Object.keys(operations)) {
        const route = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        if (METHODS.has(method.toUpperCase())) expect(routes, 'route tree parsed').toContain(route);
      }
    }
    expect(routes).toContain('GET /api/enterprises/:id');
    expect(routes.length).toBeGreaterThan(30);
  });

  it('classifies every /api route: wrong-actor cases, or a reason why it touches no enterprise data', async () => {
    const covered = new Map<string, string[]>();
    const unscoped = new Map<string, string>();
    const problems: string[] = [];
    for (const { file, cases, list } of modules) {
      for (const [route, reason] of Object.entries(cases.unscoped ?? {})) {
        if (!routes.includes(route)) problems.push(`${file}: '${route}' is listed as unscoped but no such route is registered`);
        if (!reason.trim()) problems.push(`${file}: '${route}' is listed as unscoped without a reason`);
        if (unscoped.has(route)) problems.push(`${file}: '${route}' is listed as unscoped twice`);
        unscoped.set(route, file);
      }
      for (const c of list) {
        const route = routeOf(routes, c.method, c.url);
        if (!route) {
          problems.push(`${file}: case ${c.actor} ${c.method} ${c.url} reaches no registered route`);
          continue;
        }
        if (unscoped.has(route)) problems.push(`${file}: '${route}' has wrong-actor cases but is also listed as unscoped`);
        covered.set(route, [...(covered.get(route) ?? []), file]);
      }
    }
    for (const route of routes) {
      if (!covered.has(route) && !unscoped.has(route)) {
        problems.push(
          `route '${route}' has no wrong-actor case and is not listed as touching no enterprise data: ` +
            'add a case (or an unscoped entry with its reason) to its module’s test/<m>/scope-cases.ts',
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses every wrong-actor case as it says: 404 like an absent record for a read, 403 for a write, nothing changed', async () => {
    const failures: string[] = [];
    let ran = 0;
    for (const { file, list } of modules) {
      for (const c of list) {
        ran++;
        failures.push(...(await runCase(c)).map((f) => `${file}: ${c.actor} ${c.method} ${c.url}${c.note ? ` (${c.note})` : ''}: ${f}`));
      }
    }
    expect(failures).toEqual([]);
    expect(ran).toBeGreaterThan(0);
  });

  async function runCase(c: ScopeCase): Promise<string[]> {
    const before = c.unchanged ? await h.owner.query(c.unchanged) : undefined;
    const request = {
      method: c.method,
      url: c.url,
      headers: { cookie: await fixtures.cookie(c.actor), ...c.headers },
      ...(c.payload !== undefined ? { payload: c.payload } : c.body !== undefined ? { payload: c.body as object } : {}),
    };
    const response = await h.app.inject(request);
    const failures: string[] = [];
    const body = await textOf(response);
    if (c.expect === 'hidden') {
      if (!c.hidden?.length) failures.push("an 'hidden' case needs the strings that must not appear");
      if (response.statusCode !== 200)
        failures.push(`expected 200 without the hidden records, got ${response.statusCode} ${body.slice(0, 200)}`);
      for (const s of c.hidden ?? []) if (body.includes(s)) failures.push(`the answer shows '${s}', outside the actor's scope`);
    } else if (response.statusCode !== c.expect) failures.push(`expected ${c.expect}, got ${response.statusCode} ${body.slice(0, 200)}`);
    else if (c.expect === 404 && body !== JSON.stringify({ code: 'NOT_FOUND', message: '记录不存在或无权查看' })) {
      failures.push(`a refused read must answer like an absent record, got ${body.slice(0, 200)}`);
    } else if (c.expect === 403 && !/[\u4e00-\u9fff]/u.test(response.json().message ?? '')) {
      failures.push(`a 403 needs a Chinese message, got ${body.slice(0, 200)}`);
    }
    if (c.control) {
      const control = await h.app.inject({ ...request, headers: { ...request.headers, cookie: await fixtures.cookie(c.control) } });
      if (control.statusCode >= 300)
        failures.push(`control ${c.control} got ${control.statusCode} ${control.body.slice(0, 200)}: the case proves nothing`);
      const controlBody = await textOf(control);
      for (const s of c.expect === 'hidden' ? (c.hidden ?? []) : []) {
        if (!controlBody.includes(s)) failures.push(`control ${c.control} does not see '${s}' either: the case proves nothing`);
      }
    }
    if (c.unchanged) {
      const after = await h.owner.query(c.unchanged);
      if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`changed ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    }
    return failures;
  }
});
