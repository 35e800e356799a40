import { defineScopeCases, type ScopeCase, type ScopeFixtures } from '../support/scope-cases.js';

// The dashboard module's wrong-actor cases (issue 12).
export default defineScopeCases({
  module: 'dashboard',
  async cases(_f: ScopeFixtures): Promise<ScopeCase[]> {
    return [];
  },
});
