import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests sent by a page of another origin (CSRF). Browsers always
 * send Origin on cross-origin POST/PATCH/DELETE; programs without a browser send none.
 */
export function registerOriginCheck(app: FastifyInstance, allowedOrigins: string[]): void {
  const allowed = new Set(allowedOrigins.map((o) => o.toLowerCase()));
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    if (!origin) {
      if (fetchSite === 'cross-site') throw foreignOrigin();
      return;
    }
    if (allowed.has(origin.toLowerCase())) return;
    let originHost: string;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      throw foreignOrigin();
    }
    const host = request.headers.host;
    if (!host || originHost !== host.toLowerCase()) throw foreignOrigin();
  });
}

const foreignOrigin = () => new AppError('ORIGIN_FORBIDDEN', 403, '拒绝来自其他站点的请求');
