import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS } from '../../domain/labels.js';
import { type Actor, requireAccess } from '../../server/access.js';

/** Every action the audit log records, with its name: the choices of the action filter. */
export function listAuditActions(actor: Actor | null) {
  requireAccess(actor, 'audit.read');
  return AUDIT_ACTIONS.map((action) => ({ action, label: AUDIT_ACTION_LABELS[action] }));
}
