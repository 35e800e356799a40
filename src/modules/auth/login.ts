import type { PasswordSetBy } from '../../db/schema/users.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { findDistrict } from '../reference/list-reference.js';
import { type AttemptCounters, clearAddressFailures, type LoginLimits, readAttempts, recordFailure } from './login-attempts.repo.js';
import { failedLoginsSince } from './login-notices.repo.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { insertSession, newSessionToken } from './sessions.repo.js';
import { findUserByUsername, recordSuccessfulLogin } from './users.repo.js';

/** Failures from one address lock the name for that address; failures from everywhere lock it everywhere. */
export const LOGIN_LIMITS: LoginLimits = { perAddress: 5, perAccount: 50, minutes: 15 };

const shanghaiTime = (at: Date) =>
  at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** Whether a password someone else chose must be replaced before the user may do anything else. */
export function mustChangePassword(passwordSetBy: PasswordSetBy, demoMode: boolean): boolean {
  return passwordSetBy === 'admin' || (passwordSetBy === 'demo' && !demoMode);
}

/** 423 for a name that is locked, for this address or everywhere; the same for names that are no account. */
export function lockedError(counters: AttemptCounters): AppError | undefined {
  const { addressLockedUntil, accountLockedUntil } = counters;
  const until =
    accountLockedUntil && (!addressLockedUntil || accountLockedUntil > addressLockedUntil) ? accountLockedUntil : addressLockedUntil;
  if (!until) return undefined;
  const message = accountLockedUntil
    ? `该账号 ${LOGIN_LIMITS.minutes} 分钟内失败登录过多，已临时锁定，请于 ${shanghaiTime(until)} 后再试，或联系管理员重置密码`
    : `密码错误次数过多，该账号在本网络地址已锁定 ${LOGIN_LIMITS.minutes} 分钟，请于 ${shanghaiTime(until)} 后再试，或联系管理员重置密码`;
  return new AppError('AUTH_ACCOUNT_LOCKED', 423, message, { lockedUntil: until });
}

/** Attempts left before a lock: the smaller of what this address and the account have left. */
export function remainingAttempts(counters: AttemptCounters): number {
  return Math.max(0, Math.min(LOGIN_LIMITS.perAddress - counters.addressFailures, LOGIN_LIMITS.perAccount - counters.accountFailures));
}

export interface LoginInput {
  username: string;
  password: string;
  ip?: string;
  userAgent?: string;
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

/**
 * Checks the password against a lock per (name, address) after 5 failures and per name after 50
 * from anywhere, both kept in the database, and opens a session. An unknown name is answered
 * exactly like a wrong password: same status, body and work (a dummy hash is verified).
 */
export async function login(ctx: AppContext, input: LoginInput) {
  const username = input.username.trim().toLowerCase();
  const ip = input.ip ?? '';
  const locked = lockedError(await readAttempts(ctx.db, username, ip, LOGIN_LIMITS.minutes));
  if (locked) throw locked;

  const user = await findUserByUsername(ctx.db, username);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !passwordOk) {
    const counters = await countFailure(ctx, username, ip, user?.id ?? null, 'auth.login_failed');
    const lockedNow = lockedError(counters);
    if (lockedNow) throw lockedNow;
    const remaining = remainingAttempts(counters);
    throw new AppError('AUTH_INVALID_CREDENTIALS', 401, `用户名或密码错误，还可尝试 ${remaining} 次`, { remainingAttempts: remaining });
  }
  if (user.disabled) throw new AppError('AUTH_ACCOUNT_DISABLED', 403, '账号已停用，请联系管理员');
  const district = user.districtCode ? await findDistrict(ctx, user.districtCode) : undefined;
  const actorOfUser = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    districtCode: user.districtCode,
    enterpriseId: user.enterpriseId,
    organization: user.organization,
    ip: input.ip,
  } as const;

  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + ctx.config.sessionIdleMinutes * 60_000);
  const notice = await ctx.db.transaction(async (tx) => {
    const failed = await failedLoginsSince(tx, user.id, user.lastLoginAt ?? user.createdAt);
    await clearAddressFailures(tx, username, ip);
    await recordSuccessfulLogin(tx, user.id);
    await insertSession(tx, { token, userId: user.id, expiresAt, ip: input.ip, userAgent: input.userAgent });
    await writeAudit(tx, actorOfUser, { action: 'auth.login', entityType: 'user', entityId: user.id });
    return failed;
  });
  return {
    token,
    expiresAt,
    actor: { ...actorOfUser, districtName: district?.name ?? null },
    mustChangePassword: mustChangePassword(user.passwordSetBy, ctx.config.demoMode),
    securityNotice: securityNotice(notice),
  };
}

/** What the owner is told at login about failed attempts on the account since the last login. */
function securityNotice(failed: { count: number; first: Date | null; last: Date | null; locked: boolean }): string | null {
  if (!failed.count || !failed.first || !failed.last) return null;
  return `账号在 ${shanghaiTime(failed.first)} 至 ${shanghaiTime(failed.last)} 期间有 ${failed.count} 次失败登录${
    failed.locked ? '，并因此被临时锁定' : ''
  }。如非本人操作，请修改密码并告知管理员。`;
}
