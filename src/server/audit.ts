import { type BulkColumn, bulkInsert } from '../db/bulk.js';
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

const AUDIT_BULK_COLUMNS: BulkColumn[] = [
  { name: 'actor_id', type: 'uuid' },
  { name: 'actor_name', type: 'text' },
  { name: 'actor_role', type: 'text' },
  { name: 'action', type: 'text' },
  { name: 'entity_type', type: 'text' },
  { name: 'entity_id', type: 'text' },
  { name: 'before', type: 'jsonb' },
  { name: 'after', type: 'jsonb' },
  { name: 'ip', type: 'text' },
  { name: 'request_id', type: 'text' },
];

/** Writes many audit rows of one actor with one statement per 5,000 (batch actions). Same transaction rule as writeAudit. */
export async function writeAudits(tx: DbOrTx, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const actorName = actor ? `${actor.displayName}（${actor.username}）` : null;
  const requestId = actor?.requestId ?? currentRequestId() ?? null;
  await bulkInsert(
    tx,
    'audit_log',
    AUDIT_BULK_COLUMNS,
    entries.map((e) => [
      actor?.userId ?? null,
      actorName,
      actor?.role ?? null,
      e.action,
      e.entityType,
      e.entityId ?? null,
      e.before === undefined ? null : e.before,
      e.after === undefined ? null : e.after,
      actor?.ip ?? e.ip ?? null,
      e.requestId ?? requestId,
    ]),
  );
}
