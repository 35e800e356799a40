import type { ModuleScopeCases, ScopeFixtures } from '../../support/scope-cases.js';

/** Wrong-actor cases of the monitoring routes of this part (see test/recognition/scope/*.ts for the format). */
const part: Omit<ModuleScopeCases, 'module'> = {
  async cases(_f: ScopeFixtures) {
    return [];
  },
};
export default part;
