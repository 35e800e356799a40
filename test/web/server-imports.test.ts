import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const webSrc = path.join(root, 'web/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Each import statement of a file: whether it is type-only, and the module it names. */
function importsOf(text: string): { typeOnly: boolean; from: string }[] {
  return [...text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms)].map((m) => ({ typeOnly: Boolean(m[1]), from: m[2] }));
}

describe('the web app and the server code', () => {
  it('takes the server modules’ types type-only (only src/domain, the pure rules, is bundled)', () => {
    const wrong: string[] = [];
    let typeImports = 0;
    for (const file of sources(webSrc)) {
      for (const { typeOnly, from } of importsOf(readFileSync(file, 'utf8'))) {
        if (!from.startsWith('.')) continue;
        const target = path.relative(root, path.resolve(path.dirname(file), from));
        if (!target.startsWith('src/')) continue;
        if (target.startsWith('src/modules/') && typeOnly) typeImports++;
        else if (!target.startsWith('src/domain/')) wrong.push(`${path.relative(root, file)} → ${from}`);
      }
    }
    expect(wrong).toEqual([]);
    // The pages' types come from the schemas (auth, audit, reference, enterprises, evaluation, import, experts …).
    expect(typeImports).toBeGreaterThanOrEqual(10);
  });

  it('builds a bundle without the database code (drizzle, pg)', { timeout: 120_000 }, () => {
    execFileSync(process.execPath, ['scripts/ensure-web-build.mjs'], { cwd: root, stdio: 'ignore' });
    const assets = path.join(root, 'web/dist/assets');
    const bundled = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(assets, f), 'utf8'))
      .join('\n');
    expect(bundled.length).toBeGreaterThan(100_000);
    for (const marker of ['drizzle-orm', 'pgTable', '@electric-sql/pglite', 'pg-protocol', 'fastify'])
      expect(bundled).not.toContain(marker);
  });
});
