import { defineScopeCases, type ModuleScopeCases, type ScopeCase, type ScopeFixtures } from '../support/scope-cases.js';
import figures from './scope/figures.js';
import imports from './scope/imports.js';
import reports from './scope/reports.js';
import sample from './scope/sample.js';

// The monitoring module's wrong-actor cases: one file per part under ./scope/ (reports = K, sample = S,
// figures = A, imports = I), so that the parts add theirs without editing each other's.
const PARTS: Omit<ModuleScopeCases, 'module'>[] = [reports, sample, figures, imports];

export default defineScopeCases({
  module: 'monitoring',
  unscoped: Object.assign({}, ...PARTS.map((p) => p.unscoped ?? {})),
  async cases(f: ScopeFixtures): Promise<ScopeCase[]> {
    const all: ScopeCase[] = [];
    for (const part of PARTS) all.push(...((await part.cases?.(f)) ?? []));
    return all;
  },
});
