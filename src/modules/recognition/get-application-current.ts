import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { loadApplication } from './load-application.js';
import type { RegistrySnapshot } from './recognition.schemas.js';
import { registrySnapshot } from './registry-snapshot.js';

/**
 * GET …/current (officers): the registry's data of the applicant now, in the shape of the frozen
 * `frozen.registry`, for the side-by-side comparison. The application through the officer's scope (404).
 */
export async function getApplicationCurrent(ctx: AppContext, actor: Actor | null, id: string) {
  const who = requireAccess(actor, 'recognition.current');
  const row = await loadApplication(ctx.db, who, id);
  const { snapshot } = await registrySnapshot(ctx, who, row.enterpriseId);
  return snapshot as RegistrySnapshot;
}
