// Issue 10 goals of the review side, on PGlite and (with ZJTX_BENCH_DATABASE_URL) on PostgreSQL:
// - the district review list (申报审核) with filters, p95 ≤ 100 ms on PostgreSQL (≤ 250 ms PGlite) under
//   8 concurrent clients over HTTP, in a round of 6,000 applications; beside it, in the same run, a bare
//   `select 1` and a bare indexed SELECT of the same page of rows through the same pool of 8;
// - batch approval (批量初审通过) of 1,000 applications ≤ 3 s (history, audit, messages included),
//   beside a bare UPDATE of 1,000 rows.
// ZJTX_BENCH_APPLICATIONS changes the 6,000, ZJTX_BENCH_SECONDS the 10 s of each load run; ZJTX_BENCH_KINDS=pglite (or postgres) runs one of the two.
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { DEMO_PASSWORD, seedDemo } from '../src/cli/demo-data.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { todayInShanghai } from '../src/domain/dates.js';
import { listApplications } from '../src/modules/recognition/list-applications.js';
import { applicationListQuery } from '../src/modules/recognition/recognition.schemas.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { freshPostgres } from './databases.js';

const N = Number(process.env.ZJTX_BENCH_APPLICATIONS ?? 6_000);
const BATCH = 1_000;
const CONCURRENCY = 8;
const SECONDS = Number(process.env.ZJTX_BENCH_SECONDS ?? 10);

const ms = (v: number) => `${v.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** Runs `fn` with `concurrency` workers for `seconds`; latency percentiles in ms. */
async function pool(fn: (i: number) => Promise<unknown>, seconds = 5, concurrency = CONCURRENCY) {
  const latencies: number[] = [];
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const i = next++;
        const started = performance.now();
        await fn(i);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { requests: latencies.length, p50: pct(50), p95: pct(95), p99: pct(99) };
}

/**
 * A round of N applications, set-based: one per enterprise (the registry has N + a few), most
 * submitted (初审 due yesterday … in a week, so some are overdue), the rest spread over the later
 * statuses; scores 50–100; one enterprise user per enterprise (the batch's messages reach someone).
 */
async function seedRound(database: Database): Promise<string> {
  const today = todayInShanghai();
  const [round] = await database.query<{ id: string }>(
    `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set, district_review_days)
     values ('srdi', 'new', 2026, '2026年度专精特新中小企业认定（基准）', $1::date - 40, $1::date - 5, 'srdi-2022', 6) returning id`,
    [today],
  );
  await database.query(
    `insert into recognition_applications (round_id, enterprise_id, district_code, zone_code, tier, status, score, outcome, industry_code,
       submitted_at, district_due_on, form, frozen)
     select $1, e.id, e.district_code, e.zone_code, 'srdi',
       case when n % 10 < 7 then 'submitted' when n % 10 = 7 then 'returned' when n % 10 = 8 then 'district_approved' else 'expert_review' end,
       50 + (n * 37) % 51, case when (n * 37) % 51 >= 30 then 'qualified' else 'not_qualified' end, e.industry_code,
       now() - (n % 30 || ' days')::interval, $2::date - 1 + (n % 8)::int,
       jsonb_build_object('basic', jsonb_build_object('name', e.name), 'operations', jsonb_build_object('years', '[]'::jsonb)),
       jsonb_build_object('registry', jsonb_build_object('id', e.id, 'name', e.name, 'uscc', e.uscc))
     from (select e.*, row_number() over (order by e.id) as n from enterprises e) e where e.n <= $3`,
    [round.id, today, N],
  );
  await database.query(
    `insert into recognition_history (application_id, action, from_status, to_status, actor_name, at)
     select id, 'submit', 'draft', 'submitted', '企业填报员', submitted_at from recognition_applications where round_id = $1`,
    [round.id],
  );
  await database.query(
    `insert into users (username, display_name, role, password_hash, enterprise_id)
     select 'bench.e.' || row_number() over (order by e.id), '企业填报员', 'enterprise', 'x', e.id
     from enterprises e where not exists (select 1 from users u where u.enterprise_id = e.id)`,
  );
  await database.maintain(['recognition_applications', 'recognition_history', 'users', 'enterprises']);
  return round.id;
}

async function measure(database: Database, label: string): Promise<void> {
  await migrateDatabase(database);
  const seeding = performance.now();
  await seedDemo(database, { enterprises: N + 200, seed: 42 });
  const roundId = await seedRound(database);
  const [{ n: count }] = await database.query<{ n: number }>(
    'select count(*)::int as n from recognition_applications where round_id = $1',
    [roundId],
  );
  console.log(
    `  [${label}] ${count.toLocaleString('en')} applications in one round seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );

  const config = { ...loadConfig({}), loginRateLimitPerMinute: 1000 };
  const app = await buildApp({ database, config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = async (username: string) => {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      return `zjtx_session=${r.cookies.find((c) => c.name === 'zjtx_session')?.value}`;
    };
    // The biggest district of the demo (渝北区) and the city, with the filters of the 申报审核 page.
    const district = '500112';
    const [{ n: inDistrict }] = await database.query<{ n: number }>(
      'select count(*)::int as n from recognition_applications where round_id = $1 and district_code = $2',
      [roundId, district],
    );
    const filters = [
      '',
      '&status=submitted',
      '&status=submitted&overdue=true',
      '&status=submitted,returned&sort=-score',
      '&scoreMin=70&scoreMax=90',
      '&industryCode=C&status=submitted',
      '&tier=srdi&sort=submittedAt',
      '&q=%E9%87%8D%E5%BA%86',
      '&page=3',
      '&status=district_approved,expert_review&sort=-expertScore',
    ];
    const urls = filters.map((f) => `/api/recognition/applications?roundId=${roundId}${f}`);
    const load = async (cookie: string) => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'bench/load-client.ts', JSON.stringify({ baseUrl, cookie, urls, concurrency: CONCURRENCY, seconds: SECONDS })],
        { encoding: 'utf8' },
      );
      return JSON.parse(stdout.trim().split('\n').pop() as string);
    };
    const goal = label === 'PostgreSQL' ? 100 : 250;
    const reference = await pool(() => database.query('select 1'));
    const bare = await pool(() =>
      database.query(
        `select a.* from recognition_applications a where a.round_id = $1 and (a.district_code = $2 or a.zone_code = $2) and a.status = 'submitted'
         order by a.district_due_on, a.submitted_at limit 20`,
        [roundId, district],
      ),
    );
    console.log(
      `  [${label}] reference, ${CONCURRENCY} concurrent in-process: select 1 p50 ${ms(reference.p50)} p95 ${ms(reference.p95)}; bare indexed SELECT of one page of the district's rows p50 ${ms(bare.p50)} p95 ${ms(bare.p95)}`,
    );
    // The use case itself, in-process through the same pool of 8 (no HTTP, no session lookup).
    const [officer] = await database.query<{ id: string; display_name: string }>(
      "select id, display_name from users where username = 'yubei.admin'",
    );
    const actor = {
      userId: officer.id,
      username: 'yubei.admin',
      displayName: officer.display_name,
      role: 'district_admin' as const,
      districtCode: district,
      enterpriseId: null,
      organization: null,
    };
    const ctx = { database, db: database.db, config };
    const queries = filters.map((f) => Object.fromEntries(new URLSearchParams(`roundId=${roundId}${f}`)));
    const inProcess = await pool((i) => listApplications(ctx, actor, applicationListQuery.parse(queries[i % queries.length])));
    console.log(
      `  [${label}] listApplications in-process (same filters, ${CONCURRENCY} concurrent): p50 ${ms(inProcess.p50)} p95 ${ms(inProcess.p95)}`,
    );
    const districtLoad = await load(await login('yubei.admin'));
    console.log(
      `  [${label}] district list (渝北区, ${inDistrict.toLocaleString('en')} applications) with filters over HTTP, ${CONCURRENCY} clients, ${SECONDS} s: ${districtLoad.requests} requests, p50 ${ms(districtLoad.p50)}, p95 ${ms(districtLoad.p95)}, p99 ${ms(districtLoad.p99)}, failures ${districtLoad.failures}  [goal p95 ≤ ${goal} ms: ${verdict(districtLoad.p95 <= goal && districtLoad.failures === 0)}]`,
    );
    const city = await login('city.admin');
    const cityLoad = await load(city);
    console.log(
      `  [${label}] city list (all ${count.toLocaleString('en')}) with the same filters: p50 ${ms(cityLoad.p50)}, p95 ${ms(cityLoad.p95)}, p99 ${ms(cityLoad.p99)}, failures ${cityLoad.failures}`,
    );

    // Batch approval of 1,000 submitted applications (the city may take the district's step), and a
    // bare UPDATE of another 1,000 rows as the reference.
    const submitted = await database.query<{ id: string }>(
      "select id from recognition_applications where round_id = $1 and status = 'submitted' order by id limit $2",
      [roundId, 2 * BATCH],
    );
    const ids = submitted.slice(0, BATCH).map((r) => r.id);
    const others = submitted.slice(BATCH).map((r) => r.id);
    const messagesBefore = await database.query<{ n: number }>('select count(*)::int as n from messages');
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/recognition/applications/batch-actions`, {
      method: 'POST',
      headers: { cookie: city, 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ action: 'district_approve', ids }),
    });
    const batchMs = performance.now() - started;
    const body = (await response.json()) as { done?: number; message?: string };
    const [{ n: history }] = await database.query<{ n: number }>(
      "select count(*)::int as n from recognition_history where action = 'district_approve' and application_id = any($1::uuid[])",
      [ids],
    );
    const [{ n: messages }] = await database.query<{ n: number }>('select count(*)::int as n from messages');
    const bareStarted = performance.now();
    await database.query(
      "update recognition_applications set status = 'district_approved', version = version + 1, updated_at = now() where id = any($1::uuid[])",
      [others],
    );
    const bareMs = performance.now() - bareStarted;
    console.log(
      `  [${label}] batch approval of ${BATCH.toLocaleString('en')} (HTTP ${response.status}, done ${body.done ?? body.message}; ${history} history rows, ${messages - messagesBefore[0].n} messages): ${ms(batchMs)}; bare UPDATE of ${others.length.toLocaleString('en')} rows ${ms(bareMs)}  [goal ≤ 3,000 ms: ${verdict(response.status === 200 && batchMs <= 3000)}]`,
    );
  } finally {
    await app.close();
  }
}

export async function benchRecognitionReview(): Promise<void> {
  console.log('\n== Recognition: district review list, batch approval ==');
  const kinds = (process.env.ZJTX_BENCH_KINDS ?? 'pglite,postgres').split(',');
  if (kinds.includes('pglite')) {
    const pglite = await openDatabase({});
    try {
      await measure(pglite, 'PGlite');
    } finally {
      await pglite.close();
    }
  }
  if (process.env.ZJTX_BENCH_DATABASE_URL && kinds.includes('postgres')) {
    const fresh = await freshPostgres();
    try {
      await fresh.database.query('analyze');
      await measure(fresh.database, 'PostgreSQL');
    } finally {
      await fresh.drop().catch(() => {});
    }
  } else if (!process.env.ZJTX_BENCH_DATABASE_URL) {
    console.log('  (set ZJTX_BENCH_DATABASE_URL=postgres://…/postgres, a role that may create databases, to measure on PostgreSQL too)');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRecognitionReview();
