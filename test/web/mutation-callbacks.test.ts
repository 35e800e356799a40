import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const webSource = path.resolve(import.meta.dirname, '../../web/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// antd's message.error()/success() returns a promise that settles when the toast closes (3 s).
// A mutation callback that returns it keeps the mutation pending that long: the button stays in
// its loading state and swallows the user's next click (the 工作日历 save after a refused one).
it('no mutation callback returns an antd toast', () => {
  const returning = /on(?:Error|Success|Settled|Mutate):\s*(?:async\s*)?\([^)]*\)\s*=>\s*(?:message|notification)\./;
  const offenders = sourceFiles(webSource).filter((file) => returning.test(readFileSync(file, 'utf8')));
  expect(offenders.map((file) => path.relative(webSource, file))).toStrictEqual([]);
});
