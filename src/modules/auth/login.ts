import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { findDistrict } from '../reference/list-reference.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { insertSession, newSessionToken } from './sessions.repo.js';
import { findUserByUsername, recordFailedLogin, recordSuccessfulLogin } from './users.repo.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const invalidCredentials = () => new AppError('AUTH_INVALID_CREDENTIALS', 401, '用户名或密码错误');

const lockedMessage = (until: Date) =>
  `连续 ${MAX_FAILED_LOGINS} 次密码错误，账号已锁定 ${LOCK_MINUTES} 分钟，请于 ${until.toLocaleTimeString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
  })} 后再试，或联系管理员重置密码`;

export interface LoginInput {
  username: string;
  password: string;
  ip?: string;
  userAgent?: string;
}

/** Checks the password, counts failures, locks after five, and opens a session. */
export async function login(ctx: AppContext, input: LoginInput) {
  const user = await findUserByUsername(ctx.db, input.username);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw invalidCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    throw new AppError('AUTH_ACCOUNT_LOCKED', 423, lockedMessage(user.lockedUntil), { lockedUntil: user.lockedUntil });
  }
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

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const lockedUntil = await ctx.db.transaction(async (tx) => {
      const result = await recordFailedLogin(tx, user.id, MAX_FAILED_LOGINS, LOCK_MINUTES);
      const locked = result?.lockedUntil && result.lockedUntil > new Date() ? result.lockedUntil : null;
      await writeAudit(tx, actorOfUser, {
        action: locked ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
      });
      return locked;
    });
    if (lockedUntil) throw new AppError('AUTH_ACCOUNT_LOCKED', 423, lockedMessage(lockedUntil), { lockedUntil });
    throw invalidCredentials();
  }
  if (user.disabled) throw new AppError('AUTH_ACCOUNT_DISABLED', 403, '账号已停用，请联系管理员');
  const district = user.districtCode ? await findDistrict(ctx, user.districtCode) : undefined;

  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + ctx.config.sessionIdleMinutes * 60_000);
  await ctx.db.transaction(async (tx) => {
    await recordSuccessfulLogin(tx, user.id);
    await insertSession(tx, { token, userId: user.id, expiresAt, ip: input.ip, userAgent: input.userAgent });
    await writeAudit(tx, actorOfUser, { action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  return { token, expiresAt, actor: { ...actorOfUser, districtName: district?.name ?? null } };
}
