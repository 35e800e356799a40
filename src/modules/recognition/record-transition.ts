import type { DbOrTx } from '../../db/database.js';
import type { AuditAction } from '../../domain/labels.js';
import type { RecognitionHistoryAction, RecognitionStatus } from '../../domain/recognition/lifecycle.js';
import type { Actor } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import { type ApplicationInsert, type ApplicationRow, insertHistory, updateApplicationStatus } from './applications.repo.js';
import { actionNotAllowed } from './recognition.errors.js';

export interface TransitionStep {
  action: RecognitionHistoryAction;
  to: RecognitionStatus;
  reasonCode?: string | null;
  reason?: string | null;
  /** Further columns to set with the status (frozen data, outcome, due date …). */
  set?: Partial<ApplicationInsert>;
}

/**
 * Who acted, as the application's history shows it to everyone who reads it (the enterprise too):
 * an officer as the office (市经信委, 荣昌区经信委), an expert as 评审专家, an enterprise user by name.
 * The audit row keeps the person.
 */
export function historyActorName(actor: Actor): string {
  switch (actor.role) {
    case 'city_admin':
      return '市经信委';
    case 'district_admin':
      return `${actor.districtName ?? '区县'}经信委`;
    case 'expert':
      return '评审专家';
    default:
      return actor.displayName;
  }
}

/** Columns too large (or too personal) for the audit row: the application keeps them. */
const NOT_AUDITED = new Set(['form', 'frozen', 'evaluation']);

/**
 * In the caller's transaction: update status (+ given columns) WHERE id AND status = expected
 * (optimistic: 0 rows → throw actionNotAllowed), bump version, write recognition_history and
 * writeAudit ('recognition.<action>'), all in tx. Returns the updated row.
 */
export async function recordTransition(
  tx: DbOrTx,
  actor: Actor,
  app: { id: string; status: RecognitionStatus | string },
  step: TransitionStep,
): Promise<ApplicationRow> {
  const row = await updateApplicationStatus(tx, app.id, app.status, step.to, step.set ?? {});
  if (!row) throw actionNotAllowed();
  const reasonCode = step.reasonCode ?? null;
  const reason = step.reason ?? null;
  await insertHistory(tx, {
    applicationId: app.id,
    action: step.action,
    fromStatus: app.status,
    toStatus: step.to,
    reasonCode,
    reason,
    actorId: actor.userId,
    actorName: historyActorName(actor),
  });
  // Every history action has its audit label (labels.ts): this does not compile otherwise.
  const action: AuditAction = `recognition.${step.action}`;
  const changed = Object.fromEntries(Object.entries(step.set ?? {}).filter(([key]) => !NOT_AUDITED.has(key)));
  await writeAudit(tx, actor, {
    action,
    entityType: 'recognition_application',
    entityId: app.id,
    before: { status: app.status },
    after: { status: step.to, ...(reasonCode ? { reasonCode } : {}), ...(reason ? { reason } : {}), ...changed },
  });
  return row;
}
