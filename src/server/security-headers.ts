import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers on every response (API, static files, index.html, errors, 404): a CSP that allows
 * only our own scripts, nosniff, no framing, a referrer that never leaves the site.
 */
export async function registerSecurityHeaders(app: FastifyInstance, { secure }: { secure: boolean }): Promise<void> {
  await app.register(fastifyHelmet, { global: true, ...securityHeaderOptions(secure) });
}

/** The same headers for the answers Fastify's router gives before any hook runs (a malformed URL). */
export function applySecurityHeaders(request: IncomingMessage, response: ServerResponse, secure: boolean): void {
  // @fastify/helmet's types come from helmet's CommonJS build, this import's from its ES build: the same options.
  helmet(securityHeaderOptions(secure) as Parameters<typeof helmet>[0])(request, response, () => {});
}

function securityHeaderOptions(secure: boolean): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // antd's CSS-in-JS writes <style> elements at run time; Swagger UI sets style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Upgrading only makes sense behind HTTPS: over plain HTTP on an intranet address it breaks every asset.
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS is meaningful (and safe) only when the site is served over HTTPS.
    strictTransportSecurity: secure ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  };
}
