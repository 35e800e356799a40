import { type Actor, type Role, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound, versionConflict } from '../../server/errors.js';
import { selfLockout } from './auth.errors.js';
import { deleteSessionsOfUser } from './sessions.repo.js';
import { type Binding, checkBinding } from './user-bindings.js';
import { findUserById, publicUserColumns, updateUserVersioned } from './users.repo.js';

export interface UpdateUserInput extends Binding {
  version: number;
  displayName?: string;
  role?: Role;
  disabled?: boolean;
  email?: string | null;
  mobile?: string | null;
}

/** Edits name, role and binding, or disables/enables. Disabling ends the user's sessions. */
export async function updateUser(ctx: AppContext, actor: Actor | null, id: string, input: UpdateUserInput) {
  const admin = requireAccess(actor, 'user.manage');
  const before = await findUserById(ctx.db, id);
  if (!before) throw notFound();
  if (id === admin.userId && (input.disabled === true || (input.role && input.role !== before.role))) {
    throw selfLockout();
  }
  const role = input.role ?? (before.role as Role);
  const roleOrBindingChanged =
    input.role !== undefined || input.districtCode !== undefined || input.enterpriseId !== undefined || input.organization !== undefined;
  const binding = roleOrBindingChanged
    ? await checkBinding(ctx, admin, role, {
        districtCode: input.districtCode === undefined ? before.districtCode : input.districtCode,
        enterpriseId: input.enterpriseId === undefined ? before.enterpriseId : input.enterpriseId,
        organization: input.organization === undefined ? before.organization : input.organization,
      })
    : {};
  return ctx.db.transaction(async (tx) => {
    const after = await updateUserVersioned(tx, id, input.version, {
      ...(input.displayName !== undefined && { displayName: input.displayName }),
      ...(input.disabled !== undefined && { disabled: input.disabled }),
      ...(input.email !== undefined && { email: input.email }),
      ...(input.mobile !== undefined && { mobile: input.mobile }),
      role,
      ...binding,
    });
    if (!after) throw versionConflict();
    // A changed role or binding, or a disabled account, must not keep old sessions' rights.
    if (input.disabled || roleOrBindingChanged) await deleteSessionsOfUser(tx, id);
    await writeAudit(tx, admin, {
      action: input.disabled === true ? 'user.disable' : input.disabled === false ? 'user.enable' : 'user.update',
      entityType: 'user',
      entityId: id,
      before: pickPublic(before),
      after,
    });
    return after;
  });
}

function pickPublic(row: Record<string, unknown>) {
  return Object.fromEntries(Object.keys(publicUserColumns).map((k) => [k, row[k]]));
}
