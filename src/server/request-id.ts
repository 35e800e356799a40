// Every request has an id: in its log lines (reqId), in the X-Request-Id response header, on the
// Actor (requestId), in the audit rows it writes and in the jobs it starts. A reverse proxy in
// ZJTX_TRUST_PROXY may pass its own id in X-Request-Id; from anyone else the header is ignored.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { addressMatcher } from './address-list.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Letters, digits and . _ : - only, 1 to 100 of them: no control characters, nothing a log or a header could be split by. */
const SANE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export function isSaneRequestId(value: unknown): value is string {
  return typeof value === 'string' && SANE_ID.test(value);
}

/** Fastify's genReqId: a trusted proxy's sane X-Request-Id, else a new UUID. */
export function requestIdGenerator(trustProxy: readonly string[]): (req: IncomingMessage) => string {
  const trusted = trustProxy.length ? addressMatcher(trustProxy) : () => false;
  return (req) => {
    const incoming = req.headers[REQUEST_ID_HEADER];
    return isSaneRequestId(incoming) && trusted(req.socket?.remoteAddress) ? incoming : randomUUID();
  };
}

const current = new AsyncLocalStorage<{ requestId: string }>();

/**
 * The id of the request this code runs for, if any: for what is written without an actor
 * (a failed login's audit row). Code with an actor uses actor.requestId.
 */
export function currentRequestId(): string | undefined {
  return current.getStore()?.requestId;
}

/** Echoes the id in X-Request-Id and makes it the current request id for everything the request runs. */
export function registerRequestId(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    current.run({ requestId: request.id }, done);
  });
}
