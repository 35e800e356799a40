import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { mustChangePassword } from './passwords.js';
import { findLiveSession, touchSession } from './sessions.repo.js';

/** Refresh the sliding expiry at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 60_000;

/** The actor behind a session token, or null if the session is unknown, expired or the user disabled. */
export async function resolveActor(ctx: AppContext, token: string, ip?: string): Promise<Actor | null> {
  const session = await findLiveSession(ctx.database, token);
  if (!session) return null;
  const now = Date.now();
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const idleEnd = now + ctx.config.sessionIdleMinutes * 60_000;
    const hardEnd = session.createdAt.getTime() + ctx.config.sessionMaxHours * 3_600_000;
    await touchSession(ctx.db, session.tokenHash, new Date(Math.min(idleEnd, hardEnd)));
  }
  const { user } = session;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    districtCode: user.districtCode,
    districtName: user.districtName,
    enterpriseId: user.enterpriseId,
    organization: user.organization,
    ip,
    mustChangePassword: mustChangePassword(user.passwordSetBy, ctx.config.demoMode),
  };
}
