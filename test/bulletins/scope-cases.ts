import { defineScopeCases, type ScopeCase, type ScopeFixtures } from '../support/scope-cases.js';

// The bulletins module's wrong-actor cases (issue 12).
export default defineScopeCases({
  module: 'bulletins',
  async cases(_f: ScopeFixtures): Promise<ScopeCase[]> {
    return [];
  },
});
