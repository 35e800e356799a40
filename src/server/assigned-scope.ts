// The 'assigned' scope kind turned into SQL: each assignment kind is answered by the repository of
// the module that owns its assignment table. Later kinds (department, bank, provider) add one line.
import type { SQL } from 'drizzle-orm';
import { expertReachableEnterpriseIds } from '../modules/experts/experts.repo.js';
import type { AssignmentKind, Scope } from './access.js';

const REACHABLE: Record<AssignmentKind, (userId: string) => SQL> = {
  expert: expertReachableEnterpriseIds,
};

/** A subquery of the enterprise ids the scope reaches, usable as `enterprises.id in (…)`. */
export function reachableEnterpriseIds(scope: Extract<Scope, { kind: 'assigned' }>): SQL {
  return REACHABLE[scope.assignment](scope.userId);
}
