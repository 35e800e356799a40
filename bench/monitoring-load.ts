// COPY of generated lines (text format) into PostgreSQL (COPY FROM STDIN through pg-copy-streams)
// and PGlite (COPY FROM '/dev/blob', one blob per call), timed.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { chunks } from './monitoring-data.js';

export interface CopyResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

function counted(lines: Iterable<string>): { lines: Iterable<string>; count: () => number } {
  let n = 0;
  return {
    lines: (function* () {
      for (const l of lines) {
        n++;
        yield l;
      }
    })(),
    count: () => n,
  };
}

/** COPY … FROM STDIN on a connection of its own. */
export async function copyPostgres(url: string, table: string, columns: string[], lines: Iterable<string>): Promise<CopyResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const source = counted(lines);
    const started = performance.now();
    const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
    await pipeline(Readable.from(chunks(source.lines)), stream);
    const seconds = (performance.now() - started) / 1000;
    return { rows: source.count(), seconds, rowsPerSecond: source.count() / seconds };
  } finally {
    await client.end();
  }
}

/** COPY … FROM '/dev/blob' in parts of about `partBytes` (a blob lives in the WebAssembly heap). */
export async function copyPglite(
  client: PGlite,
  table: string,
  columns: string[],
  lines: Iterable<string>,
  partBytes = 32 << 20,
): Promise<CopyResult> {
  const source = counted(lines);
  const started = performance.now();
  for (const part of chunks(source.lines, partBytes))
    await client.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([part]) });
  const seconds = (performance.now() - started) / 1000;
  return { rows: source.count(), seconds, rowsPerSecond: source.count() / seconds };
}
