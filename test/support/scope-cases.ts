import type { Harness } from './harness.js';

/**
 * The scope matrix (test/scope-matrix.test.ts) lists every registered `/api/...` route and requires
 * each one to be classified in some `test/<m>/scope-cases.ts`:
 * - either it has wrong-actor cases — requests by a demo user who may not see or change the record —
 *   that the matrix RUNS, checking the status (404 for a refused read, 403 for a refused write), the
 *   body (a 404 is the same as for an absent record) and, when `unchanged` is given, that nothing changed;
 *   A list or export answers 200 to everyone it serves and filters: its case is `expect: 'hidden'` with the
 *   strings (ids, names) of records outside the actor's scope that must NOT appear in the answer;
 *   `control` (an actor who does see them) proves the case could fail: the same request by it must
 *   answer 2xx and (for 'hidden') contain them;
 * - or it is listed in `unscoped` with a one-line reason why it touches no enterprise data.
 * A route without either fails the matrix with a message naming it.
 *
 * Each `test/<m>/scope-cases.ts` has `export default defineScopeCases({ ... })`; the matrix finds the
 * files itself (no registry to edit).
 */

/** Demo accounts (src/cli/demo-data.ts) that a case may act as. */
export type ScopeActor = 'city.admin' | 'rongchang.admin' | 'yubei.admin' | 'demo.enterprise' | (string & {});

export type ScopeMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ScopeCase {
  method: ScopeMethod;
  /** The concrete URL, with a real id of a record outside the actor's scope (or an id the actor may not touch). */
  url: string;
  actor: ScopeActor;
  expect: 404 | 403 | 'hidden';
  /** For `expect: 'hidden'`: what must not be in the (200) answer's body. */
  hidden?: string[];
  /** An actor in scope: the same request by it answers 2xx (and shows `hidden`). Only for requests that change nothing. */
  control?: ScopeActor;
  /** JSON body. */
  body?: unknown;
  /** A raw payload instead of `body` (e.g. multipart), with its headers. */
  payload?: string | Buffer;
  headers?: Record<string, string>;
  /** SQL returning one row with one column, run before and after: a refused write must leave it as it was. */
  unchanged?: string;
  /** What the case shows, for the failure message (optional). */
  note?: string;
}

/** Real records the cases can point at, found in the demo database. */
export interface ScopeFixtures {
  /** An enterprise of 渝北区 (500112, no functional zone): outside rongchang.admin's and demo.enterprise's scope. */
  yubeiEnterpriseId: string;
  /** An enterprise of 荣昌区 (500153) that demo.enterprise is not bound to: outside demo.enterprise's and yubei.admin's scope. */
  rongchangEnterpriseId: string;
  /** The enterprise demo.enterprise is bound to (荣昌区). */
  demoEnterpriseId: string;
  /** The harness, for module-specific set-ups (e.g. a record created by another actor). */
  h: Harness;
  /** Logs in a demo user (cached) and returns the Cookie header value. */
  cookie(actor: ScopeActor): Promise<string>;
  /** Rows from the test database (the owner's connection). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface ModuleScopeCases {
  /** The module, for messages. */
  module: string;
  /**
   * Routes that touch no enterprise data, as `'METHOD /path/:param'` exactly as registered, each
   * with a one-line reason (login, health, calendar, messages of the caller …).
   */
  unscoped?: Record<string, string>;
  /** Wrong-actor cases; each URL is matched to the registered route it reaches. */
  cases?: (f: ScopeFixtures) => ScopeCase[] | Promise<ScopeCase[]>;
}

export function defineScopeCases(m: ModuleScopeCases): ModuleScopeCases {
  return m;
}
