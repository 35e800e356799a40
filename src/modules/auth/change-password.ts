import type { Actor } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { unauthenticated } from '../../server/errors.js';
import { accountChangedMeanwhile, currentPasswordWrong, passwordUnchanged } from './auth.errors.js';
import { readAttempts } from './login-attempts.repo.js';
import { countFailure, LOGIN_LIMITS, lockedError, remainingAttempts } from './login-limits.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';
import { deleteOtherSessionsOfUser } from './sessions.repo.js';
import { findUserById, updateUserVersioned } from './users.repo.js';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/**
 * A user replaces their own password. The current one is checked like a login (a wrong one counts
 * towards the same locks), the new one against the policy; other sessions of the user end.
 */
export async function changePassword(ctx: AppContext, actor: Actor | null, token: string | undefined, input: ChangePasswordInput) {
  if (!actor || !token) throw unauthenticated();
  const ip = actor.ip ?? '';
  const locked = lockedError(await readAttempts(ctx.db, actor.username, ip, LOGIN_LIMITS.minutes));
  if (locked) throw locked;
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw unauthenticated();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    const counters = await countFailure(ctx, user.username, ip, user.id, 'auth.password_check_failed');
    const lockedNow = lockedError(counters);
    if (lockedNow) throw lockedNow;
    throw currentPasswordWrong(remainingAttempts(counters));
  }
  checkPasswordPolicy(input.newPassword, { username: user.username, demoMode: ctx.config.demoMode, field: 'newPassword' });
  if (input.newPassword === input.currentPassword) {
    throw passwordUnchanged();
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    const after = await updateUserVersioned(tx, user.id, user.version, { passwordHash, passwordSetBy: 'self' });
    // Changed at the same moment elsewhere (another session or an administrator): let the user retry on the new state.
    if (!after) throw accountChangedMeanwhile();
    // Whoever knew the old password loses the sessions it opened; this one stays.
    await deleteOtherSessionsOfUser(tx, user.id, token);
    await writeAudit(tx, actor, { action: 'user.change_password', entityType: 'user', entityId: user.id });
  });
}
