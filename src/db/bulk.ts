import { sql } from 'drizzle-orm';
import type { DbOrTx } from './database.js';

/** A column for a bulk insert: its name and the PostgreSQL array type its values go in as. */
export interface BulkColumn {
  name: string;
  type: 'text' | 'int4' | 'int8' | 'date' | 'uuid' | 'jsonb' | 'json' | 'bool';
}

/**
 * Inserts many rows with one statement per chunk: each plain column travels as one array
 * parameter and `unnest` turns them back into rows; a JSON column travels as one JSON array
 * (serialised natively, where an array literal of JSON texts would be escaped value by value in
 * JavaScript) and is picked by position. Far cheaper than the query builder (DESIGN.md, "bulk paths").
 */
export async function bulkInsert(
  db: DbOrTx,
  table: string,
  columns: BulkColumn[],
  rows: unknown[][],
  { chunk = 5000, onConflict = '' }: { chunk?: number; onConflict?: string } = {},
): Promise<void> {
  const isJson = (c: BulkColumn) => c.type === 'jsonb' || c.type === 'json';
  const plain = columns.map((c, i) => ({ c, i })).filter(({ c }) => !isJson(c));
  if (!plain.length) throw new Error('bulkInsert needs at least one non-JSON column');
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
  const unnestNames = sql.raw([...plain.map(({ c }) => `"${c.name}"`), 'ord'].join(', '));
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const arrays = plain.map(({ c, i }) => sql`${sql.param(part.map((r) => r[i]))}::${sql.raw(c.type)}[]`);
    const values = columns.map((c, i) =>
      isJson(c)
        ? sql`nullif((${JSON.stringify(part.map((r) => (r[i] === undefined ? null : r[i])))}::jsonb -> (t.ord::int - 1)), 'null'::jsonb)::${sql.raw(c.type)}`
        : sql.raw(`t."${c.name}"`),
    );
    await db.execute(
      sql`insert into ${sql.raw(`"${table}"`)} (${names}) select ${sql.join(values, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) with ordinality as t(${unnestNames}) ${sql.raw(onConflict)}`,
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
