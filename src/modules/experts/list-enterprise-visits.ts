import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { getEnterprise } from '../enterprises/get-enterprise.js';
import { filesOf } from '../files/files-of.js';
import { selectVisitsOf, visitsVisibleTo } from './experts.repo.js';
import { VISIT_FORM_LABELS, type VisitItem } from './experts.schemas.js';

/**
 * The expert visits of one enterprise: for the enterprise itself, its district and the city all of
 * them; for an expert only its own (and only while the enterprise is assigned to it). 404 outside the scope.
 */
export async function listEnterpriseVisits(ctx: AppContext, actor: Actor | null, enterpriseId: string): Promise<{ items: VisitItem[] }> {
  const who = requireAccess(actor, 'expert.visits.read');
  await getEnterprise(ctx, who, enterpriseId); // through the scope: 404 outside it
  const rows = await selectVisitsOf(ctx.db, enterpriseId, visitsVisibleTo(who));
  const items = await Promise.all(
    rows.map(async (v) => ({
      id: v.id,
      enterpriseId: v.enterpriseId,
      expertName: v.expertName,
      expertOrganization: v.expertOrganization,
      visitedOn: v.visitedOn,
      form: v.form,
      formLabel: VISIT_FORM_LABELS[v.form],
      topic: v.topic,
      advice: v.advice,
      followUp: v.followUp,
      createdAt: v.createdAt,
      files: await filesOf(ctx.db, { type: 'expert_visit', id: v.id }),
    })),
  );
  return { items };
}
