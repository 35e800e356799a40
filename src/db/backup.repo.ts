// SQL of backup and restore: the tables in foreign-key order, their rows as JSON, and the way back.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './database.js';

/**
 * Not backed up, and left alone by a restore: short-lived state (a restore starts with everyone
 * logged out, and with no login failures or rate-limit windows counted).
 */
export const TRANSIENT_TABLES = new Set(['sessions', 'login_attempts', 'rate_limits']);
/**
 * Not backed up: kept by triggers from other tables (the unread count per user, from messages; the
 * cockpit's registry tallies, from enterprises and titles), so
 * a restore fills them again as it inserts those rows. Restoring them too would count twice.
 */
export const DERIVED_TABLES = new Set(['message_unread_counts', 'registry_place_counts', 'title_holding_spans', 'title_holder_changes']);
/**
 * Filled by migrations (0001: reference data; the calendar migration: the 2025 and 2026 holiday
 * arrangements); a restore replaces their rows with the backup's (the city may have edited them).
 */
// targets: migration 0022 seeds the published targets (a restore replaces them with the backed-up ones).
export const MIGRATION_SEEDED_TABLES = new Set(['districts', 'industries', 'clusters', 'calendar_days', 'calendar_years', 'targets']);

export interface BackupTable {
  name: string;
  /** Stored columns (generated ones are computed again on insert). */
  columns: string[];
  primaryKey: string[];
  identity: boolean;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function rows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** The public schema's tables, parents before children (a restore inserts in this order). */
export async function listBackupTables(db: DbOrTx): Promise<BackupTable[]> {
  const columns = await rows<{ table: string; column: string; identity: boolean }>(
    db,
    sql`select c.relname as "table", a.attname as "column", a.attidentity <> '' as identity
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
         where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attgenerated = ''
           -- A partition's rows are read and restored through its parent table.
           and not c.relispartition
         order by c.relname, a.attnum`,
  );
  const keys = await rows<{ table: string; column: string }>(
    db,
    sql`select c.relname as "table", a.attname as "column"
          from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
          cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
          join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
         where n.nspname = 'public' and i.indisprimary
         order by c.relname, k.ord`,
  );
  const references = await rows<{ child: string; parent: string }>(
    db,
    sql`select distinct c.relname as child, p.relname as parent
          from pg_constraint f join pg_class c on c.oid = f.conrelid join pg_class p on p.oid = f.confrelid
          join pg_namespace n on n.oid = c.relnamespace
         where f.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid and not c.relispartition`,
  );
  const tables = new Map<string, BackupTable>();
  for (const c of columns) {
    const t = tables.get(c.table) ?? { name: c.table, columns: [], primaryKey: [], identity: false };
    t.columns.push(c.column);
    t.identity ||= c.identity;
    tables.set(c.table, t);
  }
  for (const k of keys) tables.get(k.table)?.primaryKey.push(k.column);
  const parents = new Map<string, string[]>();
  for (const r of references) parents.set(r.child, [...(parents.get(r.child) ?? []), r.parent]);
  const ordered: BackupTable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`foreign keys form a cycle through ${name}`);
    state.set(name, 'visiting');
    for (const p of parents.get(name) ?? []) visit(p);
    state.set(name, 'done');
    const t = tables.get(name);
    if (t) ordered.push(t);
  };
  for (const name of [...tables.keys()].sort()) visit(name);
  return ordered;
}

/** drizzle's record of the applied migrations, oldest first (none on a database never migrated). */
export async function readMigrationLevel(db: DbOrTx): Promise<{ hash: string; createdAt: number }[]> {
  const [exists] = await rows<{ present: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!exists.present) return [];
  const applied = await rows<{ hash: string; created_at: string | number }>(
    db,
    sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return applied.map((m) => ({ hash: m.hash, createdAt: Number(m.created_at) }));
}

/** Settings that make the JSON the same whichever server and session wrote it. */
export async function setPortableOutput(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`set local timezone to 'UTC'`);
  await tx.execute(sql`set local bytea_output to 'hex'`);
  await tx.execute(sql`set local datestyle to 'ISO, YMD'`);
  await tx.execute(sql`set local intervalstyle to 'iso_8601'`);
}

/** A table's rows as JSON texts, in primary-key order, through a cursor (inside the caller's transaction). */
export async function* readTableRows(tx: DbOrTx, table: BackupTable, batch = 2000): AsyncGenerator<string[]> {
  const cursor = `zjtx_backup_${table.name.replace(/[^a-z0-9_]/gi, '_')}`;
  const list = table.columns.map(ident).join(', ');
  const order = table.primaryKey.length ? ` order by ${table.primaryKey.map(ident).join(', ')}` : '';
  await tx.execute(
    sql.raw(
      `declare ${cursor} no scroll cursor for select row_to_json(t)::text as j from (select ${list} from ${ident(table.name)}${order}) t`,
    ),
  );
  for (;;) {
    const fetched = await rows<{ j: string }>(tx, sql.raw(`fetch ${batch} from ${cursor}`));
    if (!fetched.length) break;
    yield fetched.map((r) => r.j);
  }
  await tx.execute(sql.raw(`close ${cursor}`));
}

/** Inserts rows given as JSON texts (as readTableRows wrote them), keeping their ids. */
export async function insertTableRows(tx: DbOrTx, table: BackupTable, lines: string[]): Promise<void> {
  const list = table.columns.map(ident).join(', ');
  const overriding = table.identity ? ' overriding system value' : '';
  await tx.execute(
    sql`insert into ${sql.raw(ident(table.name))} (${sql.raw(list)})${sql.raw(overriding)} select ${sql.raw(list)} from json_populate_recordset(null::${sql.raw(ident(table.name))}, ${`[${lines.join(',')}]`}::json)`,
  );
}

/** Row counts per table (for the emptiness check and the summary). */
export async function countRows(db: DbOrTx, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [r] = await rows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${ident(t)}`));
    counts[t] = r.n;
  }
  return counts;
}

/** Removes the rows a migration seeded, before the backup's own go in. */
export async function clearSeededTable(tx: DbOrTx, table: string): Promise<void> {
  await tx.execute(sql.raw(`delete from ${ident(table)}`));
}

/** Sets every serial or identity sequence past the largest restored id. */
export async function resetSequences(tx: DbOrTx, tables: BackupTable[]): Promise<void> {
  for (const t of tables) {
    for (const c of t.columns) {
      const [s] = await rows<{ seq: string | null }>(tx, sql`select pg_get_serial_sequence(${ident(t.name)}, ${c}) as seq`);
      if (!s.seq) continue;
      await tx.execute(
        sql.raw(
          `select setval('${s.seq.replaceAll("'", "''")}', coalesce(max(${ident(c)}), 1), max(${ident(c)}) is not null) from ${ident(t.name)}`,
        ),
      );
    }
  }
}

/** Public tables the connection's role neither owns nor may act for as a superuser. */
export async function tablesNotOwned(db: DbOrTx): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from pg_tables
         where schemaname = 'public' and not pg_has_role(current_user, tableowner, 'USAGE')
           and not (select rolsuper from pg_roles where rolname = current_user)`,
  );
  return r.n;
}
