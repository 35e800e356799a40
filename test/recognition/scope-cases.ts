import { defineScopeCases, type ModuleScopeCases, type ScopeCase, type ScopeFixtures } from '../support/scope-cases.js';
import annual from './scope/annual.js';
import enterpriseSide from './scope/applications.js';
import experts from './scope/experts.js';
import review from './scope/review.js';
import rounds from './scope/rounds.js';

// The recognition module's wrong-actor cases: one file per part under ./scope/ (review = R, …), so that
// the parts add theirs without editing each other's. Add a part: import it and list it in PARTS.
const PARTS: Omit<ModuleScopeCases, 'module'>[] = [review, rounds, experts, enterpriseSide, annual];

export default defineScopeCases({
  module: 'recognition',
  unscoped: Object.assign({}, ...PARTS.map((p) => p.unscoped ?? {})),
  async cases(f: ScopeFixtures): Promise<ScopeCase[]> {
    const all: ScopeCase[] = [];
    for (const part of PARTS) all.push(...((await part.cases?.(f)) ?? []));
    return all;
  },
});
