// Builds the web app when web/dist is missing or older than its sources, so that `npm start`
// and `npm test` always serve the current UI without rebuilding on every start.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web', 'dist', 'index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const sources = Math.max(
  newest(path.join(root, 'web', 'src')),
  // The web app imports pure rules, labels and names from src/domain: a change there rebuilds too.
  newest(path.join(root, 'src', 'domain')),
  statSync(path.join(root, 'web', 'index.html')).mtimeMs,
  statSync(path.join(root, 'web', 'vite.config.ts')).mtimeMs,
);
if (existsSync(dist) && statSync(dist).mtimeMs >= sources) process.exit(0);

const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
if (!existsSync(vite)) {
  console.warn('未安装 vite（开发依赖），跳过前端构建。');
  process.exit(0);
}
console.log('正在构建前端（web/dist）…');
execFileSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
