import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { loadApplication } from './load-application.js';
import { presentApplication } from './present-application.js';

/** GET /api/recognition/applications/:id: the application through the reader's scope (404 outside it). */
export async function getApplication(ctx: AppContext, actor: Actor | null, id: string) {
  const who = requireAccess(actor, 'recognition.read');
  const row = await loadApplication(ctx.db, who, id);
  return presentApplication(ctx, who, row);
}
