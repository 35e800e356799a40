import { z } from 'zod';
import { ROLE_LABELS } from '../../server/access.js';
import { unauthenticated } from '../../server/errors.js';
import { clearSessionCookie, type RoutePlugin, sessionToken, setSessionCookie } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { requireDistrict } from '../reference/list-reference.js';
import { loginBody, meResponse } from './auth.schemas.js';
import { login } from './login.js';
import { logout } from './logout.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';

async function describeActor(ctx: AppContext, actor: Actor) {
  const district = actor.districtCode ? await requireDistrict(ctx, actor.districtCode).catch(() => null) : null;
  return {
    userId: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    roleLabel: ROLE_LABELS[actor.role],
    districtCode: actor.districtCode,
    districtName: district?.name ?? null,
    enterpriseId: actor.enterpriseId,
    organization: actor.organization,
  };
}

export const authRoutes: RoutePlugin = async (app, { ctx }) => {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['认证'],
        summary: '登录',
        body: loginBody,
        response: { 200: meResponse, 401: errorBody, 403: errorBody, 423: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const session = await login(ctx, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(reply, session.token, ctx.config.sessionMaxHours * 3600, ctx.config.secureCookies);
      return { user: await describeActor(ctx, session.actor), expiresAt: session.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['认证'], summary: '退出登录', response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request, reply) => {
      await logout(ctx, request.actor, sessionToken(request));
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['认证'], summary: '当前用户', response: { 200: meResponse, 401: errorBody } } },
    async (request) => {
      if (!request.actor) throw unauthenticated();
      return { user: await describeActor(ctx, request.actor) };
    },
  );
};
