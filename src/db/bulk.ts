import { sql } from 'drizzle-orm';
import type { DbOrTx } from './database.js';

/** A column for a bulk insert: its name and the PostgreSQL array type its values go in as. */
export interface BulkColumn {
  name: string;
  type: 'text' | 'int4' | 'int8' | 'date' | 'timestamptz' | 'uuid' | 'jsonb' | 'json' | 'bool';
}

/**
 * Inserts many rows with one statement per chunk: each plain column travels as one array
 * parameter and `unnest` turns them back into rows; a JSON column travels as one JSON array
 * (serialised natively, where an array literal of JSON texts would be escaped value by value in
 * JavaScript), read once by `jsonb_array_elements` beside them (`rows from` zips them by
 * position). Far cheaper than the query builder (DESIGN.md, "bulk paths").
 */
export async function bulkInsert(
  db: DbOrTx,
  table: string,
  columns: BulkColumn[],
  rows: unknown[][],
  { chunk = 5000, onConflict = '' }: { chunk?: number; onConflict?: string } = {},
): Promise<void> {
  const isJson = (c: BulkColumn) => c.type === 'jsonb' || c.type === 'json';
  if (!columns.some((c) => !isJson(c))) throw new Error('bulkInsert needs at least one non-JSON column');
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
  const aliases = sql.raw(columns.map((_, i) => `c${i}`).join(', '));
  const values = sql.raw(columns.map((c, i) => (isJson(c) ? `nullif(t.c${i}, 'null'::jsonb)::${c.type}` : `t.c${i}`)).join(', '));
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const sources = columns.map((c, i) =>
      isJson(c)
        ? sql`jsonb_array_elements(${JSON.stringify(part.map((r) => (r[i] === undefined ? null : r[i])))}::jsonb)`
        : sql`unnest(${sql.param(part.map((r) => r[i]))}::${sql.raw(c.type)}[])`,
    );
    await db.execute(
      sql`insert into ${sql.raw(`"${table}"`)} (${names}) select ${values} from rows from (${sql.join(sources, sql`, `)}) as t(${aliases}) ${sql.raw(onConflict)}`,
    );
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
