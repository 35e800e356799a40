import { type Actor, type Role, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { AppError, notFound, versionConflict } from '../../server/errors.js';
import { clearAllFailures } from './login-attempts.repo.js';
import { checkPasswordPolicy, hashPassword } from './passwords.js';
import { deleteSessionsOfUser } from './sessions.repo.js';
import { type Binding, checkBinding } from './user-bindings.js';
import { findUserById, publicUserColumns, updateUserVersioned } from './users.repo.js';

export interface UpdateUserInput extends Binding {
  version: number;
  displayName?: string;
  role?: Role;
  disabled?: boolean;
}

/** Edits name, role and binding, or disables/enables. Disabling ends the user's sessions. */
export async function updateUser(ctx: AppContext, actor: Actor | null, id: string, input: UpdateUserInput) {
  const admin = requireAccess(actor, 'user.manage');
  const before = await findUserById(ctx.db, id);
  if (!before) throw notFound();
  if (id === admin.userId && (input.disabled === true || (input.role && input.role !== before.role))) {
    throw new AppError('USER_SELF_LOCKOUT', 400, '不能停用自己的账号或修改自己的角色');
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

/** Sets a new password chosen by the administrator (to be changed at the next login), unlocks the account and ends its sessions. */
export async function resetPassword(ctx: AppContext, actor: Actor | null, id: string, password: string) {
  const admin = requireAccess(actor, 'user.manage');
  const before = await findUserById(ctx.db, id);
  if (!before) throw notFound();
  checkPasswordPolicy(password, { username: before.username, demoMode: ctx.config.demoMode });
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    // Unlock first, so that the answer shows the account unlocked.
    await clearAllFailures(tx, before.username);
    // Chosen by the administrator: the user replaces it at the next login.
    const after = await updateUserVersioned(tx, id, before.version, { passwordHash, passwordSetBy: 'admin' });
    if (!after) throw versionConflict();
    await deleteSessionsOfUser(tx, id);
    await writeAudit(tx, admin, { action: 'user.reset_password', entityType: 'user', entityId: id });
    return after;
  });
}

function pickPublic(row: Record<string, unknown>) {
  return Object.fromEntries(Object.keys(publicUserColumns).map((k) => [k, row[k]]));
}
