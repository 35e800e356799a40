import { defineScopeCases, type ScopeCase, type ScopeFixtures } from '../support/scope-cases.js';

// The workbench module's wrong-actor cases (issue 12).
export default defineScopeCases({
  module: 'workbench',
  async cases(_f: ScopeFixtures): Promise<ScopeCase[]> {
    return [];
  },
});
