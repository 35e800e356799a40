// Runs one import (preview, then commit) in a process of its own, as the server would, and prints
// its figures as JSON, peak resident memory (VmHWM) included. Used by registry.bench.ts.
// Usage: tsx bench/import-run.ts '{"dataDir": "…"} | {"databaseUrl": "…"}' file.xlsx
import { readFileSync } from 'node:fs';
import { openDatabase } from '../src/db/database.js';
import { importEnterprises } from '../src/modules/enterprises/import/import-enterprises.js';
import { loadConfig } from '../src/server/config.js';
import { demoActor } from './databases.js';

const [target, file] = process.argv.slice(2);
const database = await openDatabase(JSON.parse(target));
const actor = await demoActor(database, 'city.admin');
const ctx = { database, db: database.db, config: loadConfig({}) };
const buffer = readFileSync(file);
const t0 = performance.now();
const preview = await importEnterprises(ctx, actor, { buffer, fileName: 'import.xlsx' }, 'preview');
const t1 = performance.now();
const commit = await importEnterprises(ctx, actor, { buffer, fileName: 'import.xlsx' }, 'commit');
const t2 = performance.now();
await database.close();
const peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
console.log(
  JSON.stringify({
    previewSeconds: (t1 - t0) / 1000,
    commitSeconds: (t2 - t1) / 1000,
    previewCreated: preview.created,
    created: commit.created,
    errors: commit.errorCount,
    peakBytes: peakKb * 1024,
  }),
);
