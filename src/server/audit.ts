import type { DbOrTx } from '../db/database.js';
import { auditLog } from '../db/schema/index.js';
import type { AuditAction } from '../domain/labels.js';
import type { Actor } from './access.js';
import { currentRequestId } from './request-id.js';

export interface AuditEntry {
  /** One of the labelled actions (domain/labels.ts): a new action needs its Chinese name there. */
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** The client address when there is no actor (a failed login). */
  ip?: string;
  /** The request id when there is no actor (a failed login). */
  requestId?: string;
}

/** Writes one audit row. Call it with the transaction of the change it records. */
export async function writeAudit(tx: DbOrTx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor?.userId ?? null,
    actorName: actor ? `${actor.displayName}（${actor.username}）` : null,
    actorRole: actor?.role ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before === undefined ? null : (entry.before as object),
    after: entry.after === undefined ? null : (entry.after as object),
    ip: actor?.ip ?? entry.ip ?? null,
    requestId: actor?.requestId ?? entry.requestId ?? currentRequestId() ?? null,
  });
}
