import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { loadApplication } from './load-application.js';
import { selectObjectionsOf } from './objections.repo.js';
import { presentObjections } from './present-objection.js';

/** The objections of an application (city, the item's district), oldest first. */
export async function listObjections(
  ctx: AppContext,
  actor: Actor | null,
  applicationId: string,
  query: { page: number; pageSize: number },
) {
  const who = requireAccess(actor, 'recognition.objection.read');
  const app = await loadApplication(ctx.db, who, applicationId);
  const rows = await selectObjectionsOf(ctx.db, app.id);
  const start = (query.page - 1) * query.pageSize;
  return {
    items: await presentObjections(ctx.db, rows.slice(start, start + query.pageSize)),
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}
