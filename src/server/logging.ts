// Structured JSON logs (Fastify's pino): one line per request with its id (reqId), route, status,
// time and user; nothing of passwords, cookies or session tokens.
import type { FastifyInstance, FastifyServerOptions } from 'fastify';

/** Where secrets could appear in a logged object: censored whatever logs them. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'body.password',
  'body.newPassword',
  'body.currentPassword',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.passwordHash',
];

/** A failed query's message lists its parameters (drizzle: "Failed query: … params: …"): they may be secrets or personal data. */
function withoutQueryParams(message: string): string {
  return message.replace(/\nparams: [\s\S]*$/, '\nparams: [已隐去]');
}

function errorSerializer(error: Error): { type: string; message: string; stack: string; [key: string]: unknown } {
  const cause = error.cause instanceof Error ? { type: error.cause.name, message: withoutQueryParams(error.cause.message) } : undefined;
  return {
    type: error.name,
    message: withoutQueryParams(error.message),
    stack: withoutQueryParams(error.stack ?? ''),
    code: (error as { code?: unknown }).code,
    ...(cause && { cause }),
  };
}

/** Logging on (true, or a stream to write to: tests), off (false). */
export type LoggerOption = boolean | { stream: { write(line: string): void } };

export function loggerOptions(option: LoggerOption, level: string): FastifyServerOptions['logger'] {
  if (option === false || level === 'silent') return false;
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[已隐去]' },
    serializers: { err: errorSerializer },
    ...(typeof option === 'object' && { stream: option.stream }),
  };
}

const PROBES = new Set(['/api/health', '/api/ready', '/metrics']);

/** One line per answered request instead of Fastify's two, with what following a request needs. */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    const line = {
      method: request.method,
      // The pattern and the path without its query (a search term may be a person's name).
      route: request.routeOptions.url,
      path: request.url.split('?')[0],
      statusCode: status,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      ip: request.ip,
      ...(request.actor && { userId: request.actor.userId, role: request.actor.role }),
    };
    if (status >= 500) request.log.error(line, 'request failed');
    // Probes every few seconds (load balancer, Prometheus) would drown the log: debug while they succeed.
    else if (status < 400 && PROBES.has(line.route ?? '')) request.log.debug(line, 'request');
    else request.log.info(line, 'request');
  });
}
