import type { RouteOptions } from 'fastify';
import type { DbOrTx } from '../db/database.js';
import { hit, peek } from './rate-limit.repo.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that keeps the counters in the database, so that every process
 * serving the platform counts the same requests (the plugin's own store lives in one process's memory).
 * Each route with a `config.rateLimit` gets its own counters (`child`).
 */
export function databaseRateLimitStore(db: DbOrTx) {
  return class DatabaseRateLimitStore {
    readonly prefix: string;
    constructor(_options?: unknown, prefix = '') {
      this.prefix = prefix;
    }
    incr(key: string, callback: Callback, timeWindow: number): void {
      hit(db, this.prefix + key, timeWindow).then((result) => callback(null, result), callback);
    }
    read(key: string, callback: Callback): void {
      peek(db, this.prefix + key).then((result) => callback(null, result), callback);
    }
    child(routeOptions: RouteOptions & { path: string; prefix: string }) {
      // At run time the plugin passes its merged settings with the route under `routeInfo`.
      const route = (routeOptions as unknown as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new DatabaseRateLimitStore(undefined, `${[route?.method ?? ''].flat().join(',')} ${route?.url ?? ''} `);
    }
  };
}
