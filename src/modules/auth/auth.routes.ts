import { z } from 'zod';
import type { Actor } from '../../server/access.js';
import { ROLE_LABELS } from '../../server/access.js';
import { unauthenticated } from '../../server/errors.js';
import { clearSessionCookie, type RoutePlugin, sessionToken, setSessionCookie } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { changePasswordBody, loginBody, meResponse } from './auth.schemas.js';
import { changePassword } from './change-password.js';
import { login } from './login.js';
import { logout } from './logout.js';

function describeActor(actor: Actor) {
  return {
    userId: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    roleLabel: ROLE_LABELS[actor.role],
    districtCode: actor.districtCode,
    districtName: actor.districtName ?? null,
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
        response: { 200: meResponse, 400: errorBody, 401: errorBody, 403: errorBody, 423: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const session = await login(ctx, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(reply, session.token, ctx.config.sessionMaxHours * 3600, ctx.config.secureCookies);
      return {
        user: describeActor(session.actor),
        expiresAt: session.expiresAt.toISOString(),
        mustChangePassword: session.mustChangePassword,
        securityNotice: session.securityNotice,
      };
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
      return { user: describeActor(request.actor), mustChangePassword: request.actor.mustChangePassword ?? false };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['认证'],
        summary: '修改本人密码（其他会话随之结束；管理员设置的密码须先在此修改）',
        body: changePasswordBody,
        response: { 200: z.object({ ok: z.literal(true) }), 400: errorBody, 401: errorBody, 409: errorBody, 423: errorBody },
      },
    },
    async (request) => {
      await changePassword(ctx, request.actor, sessionToken(request), request.body);
      return { ok: true as const };
    },
  );
};
