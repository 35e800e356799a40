import type { Database, Db } from '../db/database.js';
import type { Config } from './config.js';
import type { ReadReplica } from './read-replica.js';

/** What every use case gets: the database and the configuration. No request, no reply. */
export interface AppContext {
  database: Database;
  db: Db;
  config: Config;
  /** The read replica (DATABASE_READ_URL), when configured: reached through readerFor(ctx) only. */
  replica?: ReadReplica;
  /** This process's instance id (see instance.ts), recorded as the owner of the work it starts; unset outside a server. */
  instanceId?: number;
}
