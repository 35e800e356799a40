import { RECOGNITION_STATUS_LABELS, type RecognitionStatus } from '../../domain/recognition/lifecycle.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { updateChecklist } from './applications-review.repo.js';
import { loadApplication } from './load-application.js';
import { presentApplication } from './present-application.js';
import { actionNotAllowed } from './recognition.errors.js';
import type { ChecklistBody } from './recognition.schemas.js';

/** The checklist is kept while the application is under review (初审 and 复审). */
export const CHECKLIST_STATUSES: readonly RecognitionStatus[] = ['submitted', 'district_approved', 'expert_review'];

/**
 * 初审核查: the district officer (or the city) records what it checked — 信用中国, 经营异常名录,
 * 严重失信主体名单, 实地抽查 — with a note. Outside the scope 404, an enterprise or expert 403,
 * an application not under review 409; with its audit row in one transaction.
 */
export async function updateApplicationChecklist(ctx: AppContext, actor: Actor | null, id: string, input: ChecklistBody) {
  const who = requireAccess(actor, 'recognition.officer.review');
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await loadApplication(tx, who, id, { forUpdate: true });
    if (!CHECKLIST_STATUSES.includes(row.status as RecognitionStatus)) {
      const label = RECOGNITION_STATUS_LABELS[row.status as RecognitionStatus] ?? row.status;
      throw actionNotAllowed(`申报状态为“${label}”，不能填写初审核查：只有审核中的申报可以填写`);
    }
    const checklist = {
      creditChina: input.creditChina,
      abnormalOperation: input.abnormalOperation,
      seriousDishonesty: input.seriousDishonesty,
      onsiteCheck: input.onsiteCheck,
      note: input.note ?? null,
      checkedAt: new Date().toISOString(),
      checkedBy: who.displayName,
    };
    const next = await updateChecklist(tx, row.id, checklist);
    await writeAudit(tx, who, {
      action: 'recognition.checklist',
      entityType: 'recognition_application',
      entityId: row.id,
      before: { checklist: row.checklist },
      after: { checklist },
    });
    return next;
  });
  return presentApplication(ctx, who, updated);
}
