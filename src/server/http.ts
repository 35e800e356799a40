import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from './access.js';
import type { AppContext } from './context.js';

export const SESSION_COOKIE = 'zjtx_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the session hook for /api requests with a live session; null otherwise. */
    actor: Actor | null;
  }
}

/** Every module's routes are a plugin that receives the app context. */
export type RoutePlugin = FastifyPluginAsyncZod<{ ctx: AppContext }>;

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies?.[SESSION_COOKIE] || undefined;
}

export function setSessionCookie(reply: FastifyReply, token: string, maxAgeSeconds: number, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The name with ".xlsx" once: names built from an upload ("企业.xlsx", "名单.csv") lose their own extension. */
export function xlsxFileName(name: string): string {
  return `${name.replace(/(\.(xlsx|xls|csv))+$/i, '')}.xlsx`;
}

/** Sends an xlsx download under a Chinese file name (RFC 5987 encoding, which every browser reads). */
export function sendXlsx(reply: FastifyReply, fileName: string, body: Buffer | Readable) {
  return reply
    .type(XLSX)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(xlsxFileName(fileName))}`)
    .send(body);
}
