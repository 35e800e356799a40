import { sql } from 'drizzle-orm';
import type { DbOrTx } from './database.js';

/** A column for a bulk insert: its name and the PostgreSQL array type its values go in as. */
export interface BulkColumn {
  name: string;
  type: 'text' | 'int4' | 'int8' | 'date' | 'uuid' | 'jsonb' | 'json' | 'bool';
}

/**
 * Inserts many rows with one statement per chunk: each column travels as one array parameter
 * and `unnest` turns them back into rows. Far cheaper than the query builder (DESIGN.md, "bulk paths").
 */
export async function bulkInsert(
  db: DbOrTx,
  table: string,
  columns: BulkColumn[],
  rows: unknown[][],
  { chunk = 5000, onConflict = '' }: { chunk?: number; onConflict?: string } = {},
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const isJson = (c: BulkColumn) => c.type === 'jsonb' || c.type === 'json';
    const arrays = columns.map((c, i) => part.map((r) => (isJson(c) && r[i] !== null ? JSON.stringify(r[i]) : r[i])));
    const select = columns.map((c, i) => sql`${sql.param(arrays[i])}::${sql.raw(isJson(c) ? 'text' : c.type)}[]`);
    const names = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
    const casts = sql.raw(columns.map((c) => (isJson(c) ? `"${c.name}"::${c.type}` : `"${c.name}"`)).join(', '));
    const statement = sql`insert into ${sql.raw(`"${table}"`)} (${names}) select ${casts} from unnest(${sql.join(select, sql`, `)}) as t(${names}) ${sql.raw(onConflict)}`;
    await db.execute(statement);
  }
}

/**
 * Updates many rows by key with one statement per chunk (`update … from unnest(…)`).
 * `set` may add expressions over the target row, e.g. `version = e.version + 1`.
 */
export async function bulkUpdate(
  db: DbOrTx,
  table: string,
  key: BulkColumn,
  columns: BulkColumn[],
  rows: unknown[][],
  { extraSet = '', chunk = 5000 }: { extraSet?: string; chunk?: number } = {},
): Promise<void> {
  const all = [key, ...columns];
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const arrays = all.map((c, i) => part.map((r) => (c.type === 'jsonb' && r[i] !== null ? JSON.stringify(r[i]) : r[i])));
    const select = all.map((c, i) => sql`${sql.param(arrays[i])}::${sql.raw(c.type === 'jsonb' ? 'text' : c.type)}[]`);
    const names = sql.raw(all.map((c) => `"${c.name}"`).join(', '));
    const sets = columns.map((c) => `"${c.name}" = t."${c.name}"${c.type === 'jsonb' ? '::jsonb' : ''}`);
    if (extraSet) sets.push(extraSet);
    await db.execute(
      sql`update ${sql.raw(`"${table}"`)} as e set ${sql.raw(sets.join(', '))} from unnest(${sql.join(select, sql`, `)}) as t(${names}) where e."${sql.raw(key.name)}" = t."${sql.raw(key.name)}"`,
    );
  }
}
