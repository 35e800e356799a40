import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { findDistrict } from '../reference/find-district.js';
import { accountDisabled, invalidCredentials } from './auth.errors.js';
import { clearAddressFailures, readAttempts } from './login-attempts.repo.js';
import { countFailure, LOGIN_LIMITS, lockedError, remainingAttempts, shanghaiTime } from './login-limits.js';
import { failedLoginsSince } from './login-notices.repo.js';
import { dummyPasswordHash, mustChangePassword, verifyPassword } from './passwords.js';
import { insertSession, newSessionToken } from './sessions.repo.js';
import { findUserByUsername, recordSuccessfulLogin } from './users.repo.js';

export interface LoginInput {
  username: string;
  password: string;
  ip?: string;
  userAgent?: string;
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
    throw invalidCredentials(remainingAttempts(counters));
  }
  if (user.disabled) throw accountDisabled();
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
