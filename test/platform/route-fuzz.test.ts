// Property test over every API route: generated bodies, queries and path parameters, derived from
// each route's own JSON schema (the OpenAPI document) and then mutated with boundary numbers, odd
// strings, impossible dates, wrong types, extra and missing keys. Whatever is sent, no answer may
// be a 500, and every refusal carries a code and a message.
//
// ZJTX_FUZZ_SEED picks another seed, ZJTX_FUZZ_RUNS multiplies the runs per route (e.g. 10 for a
// longer hunt), ZJTX_FUZZ_VERBOSE=1 prints the answers' statuses by route; the defaults keep the file
// under a minute on PGlite.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-data.js';
import { numericParameters, SHIPPED_PARAMETERS } from '../../src/domain/evaluation/parameters.js';
import { makeUscc } from '../../src/domain/uscc.js';
import { type Harness, startHarness } from '../support/harness.js';

const SEED = Number(process.env.ZJTX_FUZZ_SEED ?? 20260801);
const RUNS_FACTOR = Number(process.env.ZJTX_FUZZ_RUNS ?? 3);

interface JsonSchema {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  examples?: unknown[];
  items?: JsonSchema;
  maxItems?: number;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
}

interface Operation {
  parameters?: {
    in: 'query' | 'path';
    name: string;
    required?: boolean;
    schema: JsonSchema;
    examples?: Record<string, { value: unknown }>;
  }[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
}

/** A value the JSON text cannot carry as such (1e309, -0, 2^53+1): spliced into the body text raw. */
const RAW = '\u0001raw:';
const raw = (text: string) => `${RAW}${text}`;

const NASTY_NUMBERS = [
  -0,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e308,
  -1e308,
  5e-324,
  0.5,
  -1,
  raw('1e309'),
  raw('-1e309'),
  raw('-0'),
  raw('9007199254740993'),
  raw('1.0'),
  raw('1E2'),
];
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFF',
  '\u202Eevil\u202C',
  '\u200B',
  '\u007F',
  '\t\r\n',
  '=1+2',
  '@SUM(A1)',
  'x'.repeat(5000),
  '长'.repeat(300),
  '1e309',
  'NaN',
  'Infinity',
  '-0',
  '__proto__',
  'constructor',
  'toString',
  "'; drop table users;--",
  '%',
  '%00',
  '../../etc/passwd',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '500153',
  'LJXQ',
  'srdi-2026',
];
const NASTY_DATES = [
  '0000-01-01',
  '0001-01-01',
  '1899-12-31',
  '9999-12-31',
  '2026-02-30',
  '2026-13-01',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '0000-01-01T00:00:00Z',
  '2026-01-01T25:61:00Z',
];
const deepArray = (depth: number): unknown => (depth === 0 ? [] : [deepArray(depth - 1)]);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_DATES) },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { a: { b: [] } }, deepArray(300)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

/** Values that satisfy the schema, more or less (patterns and formats are respected where fast-check can). */
function validValue(schema: JsonSchema | undefined, known: KnownValues, depth = 0, name?: string): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 1 });
  const byName = (name ? known.byName[name] : undefined)?.filter((v) => fits(schema, v));
  const examples = [...(schema.examples ?? []), ...(byName ?? [])];
  const own = validNonNull(schema, known, depth);
  // The schema's examples and values known to exist reach past the first checks more often than generated ones.
  const arb = examples.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...examples) }, { weight: 1, arbitrary: own }) : own;
  return schema.nullable ? fc.option(arb, { nil: null, freq: 5 }) : arb;
}

/** Whether a known value suits this schema's type, format and pattern (the same name means different things on different routes). */
function fits(schema: JsonSchema, value: unknown): boolean {
  if (value === null) return !!schema.nullable;
  if (schema.enum) return schema.enum.includes(value);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'string') {
    if (typeof value !== 'string') return false;
    if (schema.format === 'uuid' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return false;
    return !schema.pattern || new RegExp(schema.pattern).test(value);
  }
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number';
  if (type === 'object') return typeof value === 'object' && !Array.isArray(value);
  return true;
}

function validNonNull(schema: JsonSchema, known: KnownValues, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => validValue(s, known, depth + 1)));
  if (schema.allOf?.length) return validValue(schema.allOf[0], known, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return stringValue(schema, known);
    case 'integer': {
      const min = Math.max(schema.minimum ?? -1000, -(2 ** 31));
      const max = Math.min(schema.maximum ?? 1_000_000, 2 ** 31 - 1);
      return min <= max ? fc.integer({ min, max }) : fc.constant(min);
    }
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validValue(schema.items, known, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case 'object':
      return objectValue(schema, known, depth);
    default:
      // No type in the document (a coerced date, an unknown): anything, dates and times most often.
      return schema.properties
        ? objectValue(schema, known, depth)
        : fc.oneof(
            { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
            { weight: 2, arbitrary: anyDate },
            { weight: 2, arbitrary: anyDate.map((d) => d.slice(0, 10)) },
          );
  }
}

function objectValue(schema: JsonSchema, known: KnownValues, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const shape = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, validValue(s, known, depth + 1, k)]));
  const record = fc.record(shape, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
  if (typeof schema.additionalProperties === 'object') {
    const keys = schema.propertyNames?.enum?.length
      ? fc.constantFrom(...(schema.propertyNames.enum as string[]))
      : fc.oneof(fc.constantFrom(...known.strings), fc.string({ maxLength: 12 }));
    const extra = fc.dictionary(keys, validValue(schema.additionalProperties, known, depth + 1), { maxKeys: 3 });
    return fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r }));
  }
  return record;
}

const anyDate = fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());

function stringValue(schema: JsonSchema, known: KnownValues): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...known.ids), fc.uuid());
  if (schema.format === 'date') return anyDate.map((d) => d.slice(0, 10));
  if (schema.format === 'date-time') return anyDate;
  const maxLength = Math.min(schema.maxLength ?? 40, 40);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? Infinity));
    } catch {
      // A pattern fast-check cannot generate from: plain strings.
    }
  }
  // Plain text here: the odd characters come from the mutations, so that most fields stay valid.
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...known.strings).filter((s) => s.length >= minLength && s.length <= maxLength) },
    {
      weight: 3,
      arbitrary: fc.string({ unit: fc.constantFrom(...'abcXYZ019企业测试重庆'), minLength: Math.max(minLength, 1), maxLength }),
    },
  );
}

interface KnownValues {
  /** Ids that exist, so that generated requests reach past "not found". */
  ids: string[];
  /** Codes and names that exist (districts, clusters, rule sets, usernames). */
  strings: string[];
  /** Valid values by field name, where the schema alone cannot say (codes that must exist, a strong password). */
  byName: Record<string, unknown[]>;
}

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...pathsOf(v, [...prefix, i]));
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function setAt(value: unknown, path: Path, replacement: unknown, mode: 'replace' | 'delete' | 'extra'): unknown {
  if (path.length === 0) {
    if (mode === 'replace') return replacement;
    if (mode === 'extra' && value && typeof value === 'object' && !Array.isArray(value)) return { ...value, unexpectedKey: replacement };
    return value;
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && mode === 'delete') copy.splice(head as number, 1);
    else copy[head as number] = setAt(copy[head as number], rest, replacement, mode);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && mode === 'delete') delete copy[head as string];
  else copy[head as string] = setAt(copy[head as string], rest, replacement, mode);
  return copy;
}

const looksLikeDate = (v: unknown) => typeof v === 'string' && /^[+-]?\d{4,6}-\d{2}-\d{2}/.test(v);

/** Mostly a nasty value of the same kind as the one it replaces (a date for a date, a number for a number), else anything. */
function nastyFor(current: unknown, pick: number, anything: unknown): unknown {
  if (pick % 5 >= 3) return anything;
  const pool = looksLikeDate(current)
    ? NASTY_DATES
    : typeof current === 'number'
      ? NASTY_NUMBERS
      : typeof current === 'string'
        ? [...NASTY_STRINGS, ...NASTY_DATES]
        : undefined;
  return pool ? pool[pick % pool.length] : anything;
}

const valueAt = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k as string] : undefined), value);

/** A valid value, then (mostly) up to two mutations somewhere in it: replaced, removed, or an extra key beside it. */
function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const mutation = fc.tuple(nastyValue, fc.nat(), fc.nat(), fc.constantFrom('replace', 'replace', 'replace', 'delete', 'extra'));
  return fc.tuple(valid, fc.array(mutation, { maxLength: 2 })).map(([value, mutations]) => {
    let out = value;
    for (const [nasty, n, pick, mode] of mutations) {
      const paths = pathsOf(out);
      const path = paths[n % paths.length];
      out = setAt(out, path, nastyFor(valueAt(out, path), pick, nasty), mode as 'replace' | 'delete' | 'extra');
    }
    return out;
  });
}

/** A flat object (a query) with each of its values replaced by a nasty one of its kind, one time in three. */
function mutatedEach(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 12, maxLength: 12 })).map(([value, picks]) => {
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v], i) => {
        const [chance, pick] = picks[i % picks.length];
        return [k, chance % 3 === 0 ? nastyFor(v, pick % 3, v) : v];
      }),
    );
  });
}

/** JSON text with the raw markers spliced in (1e309 is no JavaScript number). */
function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(new RegExp(`"${RAW.replace('\u0001', '\\\\u0001')}([^"]*)"`, 'g'), '$1');
}

const queryText = (v: unknown): string => {
  if (typeof v === 'string') return v.startsWith(RAW) ? v.slice(RAW.length) : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
};

interface Generated {
  path: string;
  query: string;
  body?: { payload: string | Buffer; contentType: string };
}

function requestArbitrary(method: string, path: string, op: Operation, known: KnownValues): fc.Arbitrary<Generated> {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const pathArb = fc.tuple(
    ...pathParams.map((p) =>
      fc.oneof(
        { weight: 4, arbitrary: validValue(p.schema, known, 0, p.name).map(queryText) },
        { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS.filter((s) => s.length < 300), ...NASTY_DATES) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
        { weight: 1, arbitrary: fc.constantFrom('%ED%A0%80', '%C3%28', 'x'.repeat(250)) },
      ),
    ),
  );
  const queryShape: JsonSchema = {
    type: 'object',
    // The OpenAPI document lifts a parameter's examples out of its schema: put them back.
    properties: Object.fromEntries(
      queryParams.map((p) => [p.name, p.examples ? { ...p.schema, examples: Object.values(p.examples).map((e) => e.value) } : p.schema]),
    ),
    required: queryParams.filter((p) => p.required).map((p) => p.name),
  };
  const queryArb = fc
    .tuple(
      fc.oneof(mutated(validValue(queryShape, known)), mutatedEach(validValue(queryShape, known))),
      fc.oneof({ weight: 12, arbitrary: fc.constant('') }, fc.constantFrom('&page=1&page=2', '&%E0%A4%A=1', '&from=%ZZ', '&=x', '&q')),
    )
    .map(([q, tail]) => {
      const entries =
        q && typeof q === 'object' && !Array.isArray(q)
          ? Object.entries(q as Record<string, unknown>).flatMap(([k, v]) =>
              Array.isArray(v) ? v.map((item) => [k, queryText(item)]) : [[k, queryText(v)]],
            )
          : [['q', queryText(q)]];
      return new URLSearchParams(entries).toString() + tail;
    });
  const jsonSchema = op.requestBody?.content?.['application/json']?.schema;
  // Uploads have no JSON body in the OpenAPI document: every write without one gets files too.
  const multipart = !jsonSchema && method !== 'GET';
  const bodyArb: fc.Arbitrary<Generated['body']> = multipart
    ? fc
        .tuple(
          fc.uint8Array({ maxLength: 12 }),
          fc.constantFrom('a.xlsx', 'a.csv', 'a.xls', '', '..\\..\\x.xlsx', '\u202Exslx.csv', `${'长'.repeat(200)}.xlsx`),
          fc.constantFrom('file', 'other'),
          fc.constantFrom(true, true, true, false),
        )
        .map(([bytes, name, field, asMultipart]): Generated['body'] => {
          if (!asMultipart)
            return bytes.length % 2
              ? undefined
              : { payload: jsonText({ file: Buffer.from(bytes).toString('base64') }), contentType: 'application/json' };
          const boundary = 'fuzzboundary7MA4YWxkTrZu0gW';
          const payload = Buffer.concat([
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
            ),
            Buffer.from(bytes),
            Buffer.from(`\r\n--${boundary}--\r\n`),
          ]);
          return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
        })
    : jsonSchema
      ? mutated(validValue(jsonSchema, known)).map((value) => ({ payload: jsonText(value), contentType: 'application/json' }))
      : fc.constantFrom(undefined, undefined, undefined, { payload: '{"unexpected":true}', contentType: 'application/json' });
  return fc.tuple(pathArb, queryArb, bodyArb).map(([segments, query, body]) => {
    let i = 0;
    const filled = path.replace(/\{[^}]+\}/g, () => encodeSegment(segments[i++] ?? ''));
    return { path: filled, query, body };
  });
}

/** Percent-encoded; a few segments are sent as invalid UTF-8 on purpose. */
function encodeSegment(segment: string): string {
  if (segment === '%ED%A0%80' || segment === '%C3%28') return segment;
  try {
    return encodeURIComponent(segment);
  } catch {
    // A lone surrogate has no UTF-8 form: its replacement character's.
    return encodeURIComponent(segment.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
  }
}

const seedOf = (name: string) => createHash('sha256').update(`${SEED}:${name}`).digest().readUInt32BE(0);

describe('every route under fuzzing (PGlite)', () => {
  let h: Harness;
  const sessions: Record<string, string | null> = { anonymous: null };
  let spec: { paths: Record<string, Record<string, Operation>> };
  let known: KnownValues;

  beforeAll(async () => {
    h = await startHarness('pglite');
    sessions['city.admin'] = await h.login('city.admin');
    sessions['demo.enterprise'] = await h.login('demo.enterprise');
    await h.app.ready();
    spec = h.app.swagger() as typeof spec;
    // A user of its own for the user-management routes: generated changes must not lock out city.admin.
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: sessions['city.admin'] as string },
      payload: { username: 'fuzz.target', displayName: '模糊测试对象', role: 'city_admin', password: 'Fuzz-target-2026-x' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const enterprises = await h.database.query<{ id: string }>(
      "(select id from enterprises where district_code = '500153' limit 2) union all (select enterprise_id from users where username = 'demo.enterprise')",
    );
    const clusters = await h.database.query<{ code: string }>('select code from clusters limit 3');
    const [existing] = await h.database.query<{ uscc: string }>("select uscc from enterprises where district_code = '500153' limit 1");
    const ruleSets = Object.keys(SHIPPED_PARAMETERS) as (keyof typeof SHIPPED_PARAMETERS)[];
    const corrections = ruleSets.flatMap((r) =>
      numericParameters(r)
        .slice(0, 3)
        .map(([path, value]) => ({ [path]: value + 1 })),
    );
    known = {
      ids: [created.json().id, ...enterprises.map((e) => e.id)],
      strings: ['500153', '500112', 'LJXQ', 'city.admin', ...ruleSets, ...clusters.map((c) => c.code)],
      byName: {
        id: [created.json().id, ...enterprises.map((e) => e.id), ...ruleSets],
        code: clusters.map((c) => c.code),
        districtCode: ['500153', '500112'],
        zoneCode: ['LJXQ', null],
        district: ['500153', 'LJXQ'],
        industryCode: ['35', '39', '13'],
        clusterCode: clusters.map((c) => c.code),
        uscc: [makeUscc('500153', 'MA7FXQ01'), existing.uscc],
        version: [1, 2, 3],
        password: ['Fuzz-strong-pass-2026'],
        newPassword: ['Fuzz-strong-pass-2026'],
        currentPassword: [DEMO_PASSWORD],
        assessmentDate: ['2026-06-30', '2025-03-01', '2023-05-01'],
        values: corrections,
        // Fields whose rules are refinements the OpenAPI document cannot show.
        registeredCapital: [0, 15_000_000, null],
        contactPhone: ['023-46781234', null],
        developmentScore: [55.5, 61],
        featuredScore: [0, 9, 15],
        reviewerAnswers: [{ 'lg2026.field': true }, {}],
        nicheEntryYear: [2010, null],
        establishedOn: ['2007-03-15', '1990-01-01'],
      },
    };
  }, 120_000);
  afterAll(async () => {
    // Background work started by a generated request (a batch evaluation, an import job) ends before the database closes.
    for (let i = 0; i < 120; i++) {
      const busy =
        (await h.count("select count(*) as n from evaluation_runs where status in ('queued', 'running')")) +
        (await h.count("select count(*) as n from jobs where kind like 'import.%' and status in ('queued', 'running')"));
      if (!busy) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await h.close();
  }, 120_000);

  it('answers every generated request with a status below 500 and a code and a message for every refusal', async () => {
    const routes = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
    expect(routes.length).toBeGreaterThanOrEqual(37);
    const failures = new Map<string, string>();
    let requests = 0;
    const statuses = new Map<string, Record<number, number>>();
    const started = Date.now();
    for (const { path, method, op } of routes) {
      // Logging out or changing one's password would end the shared sessions: those two run anonymously only.
      const endsSession = path === '/api/auth/logout' || path === '/api/auth/password';
      // Exports build whole workbooks: fewer runs keep the file within its time.
      const heavy = /export|template|error-report|\/runs$/.test(path);
      const plan: [string, number][] = endsSession
        ? [['anonymous', 10]]
        : [
            ['city.admin', heavy ? 6 : 32],
            ['demo.enterprise', heavy ? 3 : 8],
            ['anonymous', 3],
          ];
      for (const [user, runs] of plan) {
        const samples = fc.sample(requestArbitrary(method, path, op, known), {
          numRuns: Math.round(runs * RUNS_FACTOR),
          seed: seedOf(`${method} ${path} ${user}`),
        });
        for (const generated of samples) {
          const cookie = sessions[user];
          const headers: Record<string, string> = cookie ? { cookie } : {};
          if (generated.body) headers['content-type'] = generated.body.contentType;
          const url = generated.query ? `${generated.path}?${generated.query}` : generated.path;
          const sent = generated.body ? ` body ${String(generated.body.payload).slice(0, 300)}` : '';
          let response: Awaited<ReturnType<typeof h.app.inject>>;
          try {
            response = await h.app.inject({
              method: method as 'GET',
              url,
              headers,
              ...(generated.body && method !== 'GET' ? { payload: generated.body.payload } : {}),
            });
          } catch (error) {
            // A response broken off half-way (a stream that failed after the headers): as bad as a 500.
            failures.set(
              `${method} ${path} → broken off`,
              `${method} ${path} (as ${user}): ${method} ${url.slice(0, 300)}${sent} ⇒ ${error}`,
            );
            continue;
          }
          requests++;
          const tally = `${method} ${path}`;
          statuses.set(tally, { ...statuses.get(tally), [response.statusCode]: (statuses.get(tally)?.[response.statusCode] ?? 0) + 1 });
          let body: { code?: unknown; message?: unknown } | undefined;
          try {
            body = response.headers['content-type']?.toString().includes('json') ? response.json() : undefined;
          } catch {
            body = undefined;
          }
          // A refusal says what is wrong in Chinese, with one of our codes (not a framework's FST_ERR_…).
          const refusedWithoutWords =
            response.statusCode >= 400 &&
            (typeof body?.code !== 'string' ||
              body.code.startsWith('FST_') ||
              typeof body?.message !== 'string' ||
              !/[\u4e00-\u9fa5]/.test(body.message));
          if (response.statusCode >= 500 || refusedWithoutWords) {
            const key = `${method} ${path} → ${response.statusCode} ${body?.code ?? ''}`;
            if (!failures.has(key)) {
              failures.set(key, `${key} (as ${user}): ${method} ${url.slice(0, 300)}${sent} ⇒ ${response.body.slice(0, 200)}`);
            }
          }
        }
      }
    }
    const seconds = (Date.now() - started) / 1000;
    console.info(`route fuzz: ${routes.length} routes, ${requests} requests in ${seconds.toFixed(1)} s (seed ${SEED})`);
    if (process.env.ZJTX_FUZZ_VERBOSE) for (const [route, counts] of statuses) console.info(route, JSON.stringify(counts));
    expect([...failures.values()], `seed ${SEED}`).toEqual([]);
  }, 240_000);
});
