// Issue 10 goal of the announcement (公告): 3,000 items of a round in 公示 become titles — with
// certificate numbers, the items' status and history, the enterprises' current tier, one audit row
// each and one message per enterprise user — in one transaction, ≤ 10 s. Beside it, in the same run,
// a reference: INSERT … SELECT of the same numbers of rows (3,000 each) into scratch copies of the
// four tables the announcement writes (titles, history, messages, audit), with nothing else.
// On PGlite and (with ZJTX_BENCH_DATABASE_URL) on PostgreSQL; ZJTX_BENCH_KINDS=pglite (or postgres)
// runs one; ZJTX_BENCH_ANNOUNCE changes the 3,000.
import { sql } from 'drizzle-orm';
import { seedDemo } from '../src/cli/demo-data.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { todayInShanghai } from '../src/domain/dates.js';
import { announceRound } from '../src/modules/recognition/announce-round.js';
import { loadConfig } from '../src/server/config.js';
import type { AppContext } from '../src/server/context.js';
import { demoActor, freshPostgres } from './databases.js';

const N = Number(process.env.ZJTX_BENCH_ANNOUNCE ?? 3_000);
const GOAL_MS = 10_000;

/** A round of N items in a 公示 that ended five days ago; one enterprise user per enterprise (every item gets its message). */
async function seedRound(database: Database): Promise<string> {
  const today = todayInShanghai();
  const [round] = await database.query<{ id: string }>(
    `insert into recognition_rounds (tier, type, year, name, opens_on, closes_on, rule_set, publicity_starts_on, publicity_ends_on, opening_notified_at)
     values ('srdi', 'new', 2026, '2026年度专精特新中小企业认定（基准）', $1::date - 90, $1::date - 60, 'srdi-2022', $1::date - 12, $1::date - 5, now())
     returning id`,
    [today],
  );
  await database.query(
    `insert into recognition_applications (round_id, enterprise_id, district_code, zone_code, tier, status, score, submitted_at)
     select $1, e.id, e.district_code, e.zone_code, 'srdi', 'in_publicity', 60 + e.n % 40, now() - interval '60 days'
     from (select e.*, row_number() over (order by e.id) as n from enterprises e
           where not exists (select 1 from enterprise_titles t where t.enterprise_id = e.id and t.tier = 'srdi' and t.recognised_on = $2::date)) e
     where e.n <= $3`,
    [round.id, today, N],
  );
  await database.query(
    `insert into recognition_history (application_id, action, from_status, to_status, actor_name, at)
     select id, 'publicity', 'city_approved', 'in_publicity', '市经信委', now() - interval '12 days' from recognition_applications where round_id = $1`,
    [round.id],
  );
  await database.query(
    `insert into users (username, display_name, role, password_hash, enterprise_id)
     select 'bench.a.' || row_number() over (order by e.id), '企业填报员', 'enterprise', 'x', e.id
     from enterprises e where not exists (select 1 from users u where u.enterprise_id = e.id)`,
  );
  await database.maintain(['recognition_applications', 'recognition_history', 'users', 'enterprises', 'enterprise_titles']);
  return round.id;
}

/** The reference: INSERT … SELECT of N rows into scratch copies of the four tables, in one transaction. */
async function reference(database: Database, roundId: string): Promise<number> {
  for (const t of ['enterprise_titles', 'recognition_history', 'messages', 'audit_log'])
    await database.query(`create table if not exists bench_scratch_${t} (like ${t} including defaults)`);
  const started = performance.now();
  const round = sql`${roundId}::uuid`;
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into bench_scratch_enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status, certificate_no, document_no, application_id, source)
      select enterprise_id, 'srdi', 'municipal', current_date, current_date + 1094, 'valid', 'CQ-ZJTX-2026-' || lpad((row_number() over ())::text, 5, '0'),
        '基准', id, 'recognition'
      from recognition_applications where round_id = ${round}`);
    await tx.execute(sql`
      insert into bench_scratch_recognition_history (application_id, action, from_status, to_status, actor_name)
      select id, 'announce', 'in_publicity', 'recognised', '市经信委' from recognition_applications where round_id = ${round}`);
    await tx.execute(sql`
      insert into bench_scratch_messages (user_id, category, title, body)
      select u.id, 'recognition', '认定结果', '贵企业已被认定' from recognition_applications a join users u on u.enterprise_id = a.enterprise_id
      where a.round_id = ${round}`);
    await tx.execute(sql`
      insert into bench_scratch_audit_log (actor_name, action, entity_type, entity_id, after)
      select '市经信委', 'recognition.announce', 'recognition_application', id::text, jsonb_build_object('status', 'recognised')
      from recognition_applications where round_id = ${round}`);
  });
  return performance.now() - started;
}

async function measure(database: Database, label: string): Promise<void> {
  await migrateDatabase(database);
  const seeding = performance.now();
  await seedDemo(database, { enterprises: N + 200, seed: 42 });
  const roundId = await seedRound(database);
  const [{ n: count }] = await database.query<{ n: number }>(
    "select count(*)::int as n from recognition_applications where round_id = $1 and status = 'in_publicity'",
    [roundId],
  );
  console.log(`  [${label}] ${count.toLocaleString('en')} items in 公示 seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
  const referenceMs = await reference(database, roundId);
  const ctx: AppContext = { database, db: database.db, config: loadConfig({}) };
  const city = await demoActor(database, 'city.admin');
  const started = performance.now();
  const result = await announceRound(ctx, city, roundId, { announcedOn: todayInShanghai(), documentNo: '渝经信发〔2026〕100号' });
  const took = performance.now() - started;
  const [written] = await database.query<{ titles: number; history: number; messages: number; audit: number }>(
    `select (select count(*)::int from enterprise_titles t join recognition_applications a on a.title_id = t.id where a.round_id = $1) as titles,
       (select count(*)::int from recognition_history h join recognition_applications a on a.id = h.application_id where a.round_id = $1 and h.action = 'announce') as history,
       (select count(*)::int from messages where category = 'recognition' and title like '认定结果%') as messages,
       (select count(*)::int from audit_log where action = 'recognition.announce') as audit`,
    [roundId],
  );
  console.log(
    `  [${label}] announcement of ${result.recognised.toLocaleString('en')} titles (${written.titles} titles, ${written.history} history, ${written.messages} messages, ${written.audit} audit rows): ${(took / 1000).toFixed(2)} s (goal ≤ ${GOAL_MS / 1000} s: ${took <= GOAL_MS ? 'met' : 'NOT met'}); reference INSERT … SELECT of the same rows into scratch tables: ${(referenceMs / 1000).toFixed(2)} s`,
  );
}

export async function benchRecognitionAnnounce(): Promise<void> {
  console.log('\n== Recognition: announcement (公告) of a round ==');
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
      await measure(fresh.database, 'PostgreSQL');
    } finally {
      await fresh.drop().catch(() => {});
    }
  } else if (!process.env.ZJTX_BENCH_DATABASE_URL) {
    console.log('  (set ZJTX_BENCH_DATABASE_URL=postgres://…/postgres, a role that may create databases, to measure on PostgreSQL too)');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRecognitionAnnounce();
