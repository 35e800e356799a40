// The limits on failed passwords (per name and address, per name) and what a failure costs.
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import type { AppError } from '../../server/errors.js';
import { accountLocked } from './auth.errors.js';
import { type AttemptCounters, type LoginLimits, recordFailure } from './login-attempts.repo.js';

/** Failures from one address lock the name for that address; failures from everywhere lock it everywhere. */
export const LOGIN_LIMITS: LoginLimits = { perAddress: 5, perAccount: 50, minutes: 15 };

export const shanghaiTime = (at: Date) =>
  at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** 423 for a name that is locked, for this address or everywhere; the same for names that are no account. */
export function lockedError(counters: AttemptCounters): AppError | undefined {
  const { addressLockedUntil, accountLockedUntil } = counters;
  const until =
    accountLockedUntil && (!addressLockedUntil || accountLockedUntil > addressLockedUntil) ? accountLockedUntil : addressLockedUntil;
  if (!until) return undefined;
  const message = accountLockedUntil
    ? `该账号 ${LOGIN_LIMITS.minutes} 分钟内失败登录过多，已临时锁定，请于 ${shanghaiTime(until)} 后再试，或联系管理员重置密码`
    : `密码错误次数过多，该账号在本网络地址已锁定 ${LOGIN_LIMITS.minutes} 分钟，请于 ${shanghaiTime(until)} 后再试，或联系管理员重置密码`;
  return accountLocked(message, until);
}

/** Attempts left before a lock: the smaller of what this address and the account have left. */
export function remainingAttempts(counters: AttemptCounters): number {
  return Math.max(0, Math.min(LOGIN_LIMITS.perAddress - counters.addressFailures, LOGIN_LIMITS.perAccount - counters.accountFailures));
}

/**
 * Counts a failed password for a name and an address, whether or not the account exists, and
 * writes the same audit row either way: a wrong password and an unknown name cost the same work.
 */
export async function countFailure(
  ctx: AppContext,
  username: string,
  ip: string,
  userId: string | null,
  action: 'auth.login_failed' | 'auth.password_check_failed',
) {
  return ctx.db.transaction(async (tx) => {
    const counters = await recordFailure(tx, username, ip, LOGIN_LIMITS);
    // The failure that reaches a limit is recorded as the lock it causes.
    const lock =
      counters.accountLockedUntil && counters.accountFailures >= LOGIN_LIMITS.perAccount
        ? 'account'
        : counters.addressLockedUntil && counters.addressFailures >= LOGIN_LIMITS.perAddress
          ? 'address'
          : null;
    await writeAudit(tx, null, {
      action: lock ? 'auth.locked' : action,
      entityType: 'user',
      entityId: userId,
      after: { username, failures: counters.addressFailures, accountFailures: counters.accountFailures, ...(lock && { lock }) },
      ip,
    });
    return counters;
  });
}
