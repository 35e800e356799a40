import { defineScopeCases, type ScopeCase, type ScopeFixtures } from '../support/scope-cases.js';

// The targets module's wrong-actor cases (issue 12).
export default defineScopeCases({
  module: 'targets',
  async cases(_f: ScopeFixtures): Promise<ScopeCase[]> {
    return [];
  },
});
