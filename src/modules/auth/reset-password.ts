import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound, versionConflict } from '../../server/errors.js';
import { clearAllFailures } from './login-attempts.repo.js';
import { checkPasswordPolicy, hashPassword } from './passwords.js';
import { deleteSessionsOfUser } from './sessions.repo.js';
import { findUserById, updateUserVersioned } from './users.repo.js';

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
