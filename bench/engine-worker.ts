// Measures one mode of the pure engine in its own Node process (a fresh V8 isolate), so that the JIT
// state left by one measurement (the explaining path, say) does not colour the next one.
// Usage: node --import tsx bench/engine-worker.ts <mode> <new|review>; prints evaluations per second.
import { fileURLToPath } from 'node:url';
import { generateDemoEnterprises } from '../src/cli/demo-enterprises.js';
import { contextOf } from '../src/domain/evaluation/context.js';
import { evaluate, evaluateScores } from '../src/domain/evaluation/evaluate.js';
import { evaluateInnovative2022 } from '../src/domain/evaluation/innovative-2022.js';
import type { EvaluationInput } from '../src/domain/evaluation/types.js';
import { inputFromRegistry } from '../src/modules/evaluation/registry-input.js';

export type EngineMode = 'full' | 'scores' | 'innovative-full' | 'innovative-scores';

/** Realistic profiles: the demo generator's enterprises as evaluation input, at a given date and application type. */
export function profiles(n: number, applicationType: 'new' | 'review'): EvaluationInput[] {
  const out: EvaluationInput[] = [];
  for (const e of generateDemoEnterprises(n, 99)) {
    const input = inputFromRegistry(
      { sector: 'industry', nicheEntryYear: e.nicheEntryYear, facts: e.facts, years: e.years, titles: e.titles, honours: e.honours },
      '2026-11-22',
    );
    out.push({ ...input, applicationType });
  }
  return out;
}

function perSecond(fn: (i: number) => unknown, count: number): number {
  for (let i = 0; i < Math.min(count, 50_000); i++) fn(i); // warm-up
  const started = performance.now();
  for (let i = 0; i < count; i++) fn(i);
  return count / ((performance.now() - started) / 1000);
}

function measure(mode: EngineMode, applicationType: 'new' | 'review'): number {
  const inputs = profiles(10_000, applicationType);
  const n = inputs.length;
  switch (mode) {
    case 'full':
      return perSecond((i) => evaluate(inputs[i % n]), 300_000);
    case 'scores':
      return perSecond((i) => evaluateScores(inputs[i % n]), 3_000_000);
    case 'innovative-full': {
      const contexts = inputs.map(contextOf);
      return perSecond((i) => evaluateInnovative2022(contexts[i % n]), 500_000);
    }
    case 'innovative-scores': {
      const contexts = inputs.map(contextOf);
      return perSecond((i) => evaluateInnovative2022(contexts[i % n], undefined, false), 3_000_000);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(measure(process.argv[2] as EngineMode, process.argv[3] === 'new' ? 'new' : 'review'));
}
