// Which scope a batch run covers (one run per scope at a time) and who may read a run.
import { type Actor, scopeOf } from '../../server/access.js';
import type { RunRow } from './evaluation.repo.js';

/** What a run covers: one run per scope at a time (the whole city, a district, one enterprise). */
export function scopeKeyOf(actor: Actor, enterpriseId?: string): string {
  if (enterpriseId) return `enterprise:${enterpriseId}`;
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return 'all';
    case 'district':
      return `district:${scope.districtCode}`;
    case 'enterprise':
      return `enterprise:${scope.enterpriseId}`;
    case 'assigned':
      return `assigned:${scope.assignment}:${scope.userId}`;
    case 'none':
      return `user:${actor.userId}`;
  }
}

/** A run may be read by its starter, the city, and the officers of the scope it covers (who are refused a second one). */
export function mayReadRun(who: Actor, run: RunRow): boolean {
  return run.startedBy === who.userId || who.role === 'city_admin' || (run.scopeKey !== null && run.scopeKey === scopeKeyOf(who));
}
