// `npm run bench`: every speed goal of the issues, measured and printed. Two cores: run it alone.

import { benchDashboard } from './dashboard.bench.js';
import { benchEvaluation } from './evaluation.bench.js';
import { benchFoundation } from './foundation.bench.js';
import { benchMonitoring } from './monitoring.bench.js';
import { benchPlatform } from './platform.bench.js';
import { benchRecognition } from './recognition.bench.js';
import { benchRegistry } from './registry.bench.js';
import { benchResponsiveness } from './responsiveness.bench.js';

const benches: Record<string, () => Promise<void>> = {
  foundation: benchFoundation,
  registry: benchRegistry,
  evaluation: benchEvaluation,
  responsiveness: benchResponsiveness,
  platform: benchPlatform,
  recognition: benchRecognition,
  monitoring: benchMonitoring,
  dashboard: benchDashboard,
};
const only = process.argv.slice(2);

console.log(`zjtx benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
for (const [name, run] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  await run();
}
