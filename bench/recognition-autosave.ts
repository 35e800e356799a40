// Issue 10 goal "an enterprise's autosave ≤ 50 ms p95": the application form's PUT …/draft use case
// (version check, the form written, the live self-evaluation of the form under the round's rule set),
// beside two references measured in the same run through the same connection: a bare `select 1`
// and a bare UPDATE of the same row's form. On PGlite and, with ZJTX_BENCH_DATABASE_URL, PostgreSQL.
import { sql } from 'drizzle-orm';
import { seedDemo } from '../src/cli/demo-data.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { todayInShanghai } from '../src/domain/dates.js';
import { createApplication } from '../src/modules/recognition/create-application.js';
import { createRound } from '../src/modules/recognition/create-round.js';
import { saveApplicationDraft } from '../src/modules/recognition/save-application-draft.js';
import { loadConfig } from '../src/server/config.js';
import type { AppContext } from '../src/server/context.js';
import { demoActor, freshPostgres } from './databases.js';

const RUNS = 1_000;
const GOAL_MS = 50;

async function percentiles(fn: (i: number) => Promise<unknown>, runs = RUNS): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 50; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(runs * 0.5)], p95: times[Math.floor(runs * 0.95)] };
}

const ms = (v: number) => `${v.toFixed(2)} ms`;

async function measure(database: Database, label: string): Promise<void> {
  await migrateDatabase(database);
  await seedDemo(database, { enterprises: 200, seed: 7 });
  const ctx: AppContext = { database, db: database.db, config: loadConfig({}) };
  const city = await demoActor(database, 'city.admin');
  const enterprise = await demoActor(database, 'demo.enterprise');
  const today = todayInShanghai();
  const round = await createRound(ctx, city, {
    tier: 'srdi',
    type: 'new',
    year: Number(today.slice(0, 4)),
    opensOn: today,
    closesOn: `${Number(today.slice(0, 4)) + 1}-12-31`,
    expertReview: false,
    publicityDays: 5,
  } as Parameters<typeof createRound>[2]);
  const application = await createApplication(ctx, enterprise, { roundId: round.id });
  const form = structuredClone(application.form) as Parameters<typeof saveApplicationDraft>[3]['form'];
  let version = application.formVersion;

  const reference = await percentiles(() => ctx.db.execute(sql`select 1`));
  const bareUpdate = await percentiles(() =>
    database.query('update recognition_applications set form = $2::jsonb, form_version = form_version where id = $1', [
      application.id,
      JSON.stringify(form),
    ]),
  );
  const autosave = await percentiles(async (i) => {
    // What a typing user sends: the same form with one field changed.
    (form as { other?: Record<string, unknown> }).other = {
      ...(form as { other?: Record<string, unknown> }).other,
      note: `第 ${i} 次修改`,
    };
    const saved = await saveApplicationDraft(ctx, enterprise, application.id, { form, formVersion: version });
    version = saved.formVersion;
  });
  console.log(`  ${label}: ${RUNS.toLocaleString('en')} saves of one application (registry of 200 enterprises)`);
  console.log(`    select 1 (reference, same connection):         p50 ${ms(reference.p50)}, p95 ${ms(reference.p95)}`);
  console.log(`    bare UPDATE of the form (reference):           p50 ${ms(bareUpdate.p50)}, p95 ${ms(bareUpdate.p95)}`);
  console.log(
    `    autosave (saveApplicationDraft, live evaluation): p50 ${ms(autosave.p50)}, p95 ${ms(autosave.p95)}  [goal p95 ≤ ${GOAL_MS} ms: ${autosave.p95 <= GOAL_MS ? 'met' : 'NOT met'}]`,
  );
}

export async function benchRecognitionAutosave(): Promise<void> {
  console.log('\n申报书自动保存 (issue 10: autosave p95 ≤ 50 ms)');
  const kinds = (process.env.ZJTX_BENCH_KINDS ?? 'pglite,postgres').split(',');
  if (kinds.includes('pglite')) {
    const pglite = await openDatabase({});
    try {
      await measure(pglite, 'PGlite');
    } finally {
      await pglite.close();
    }
  }
  if (kinds.includes('postgres')) {
    if (!process.env.ZJTX_BENCH_DATABASE_URL) {
      console.log('  PostgreSQL: skipped (set ZJTX_BENCH_DATABASE_URL)');
      return;
    }
    const pg = await freshPostgres();
    try {
      await measure(pg.database, 'PostgreSQL');
    } finally {
      await pg.drop();
    }
  }
}
