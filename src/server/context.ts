import type { Database, Db } from '../db/database.js';
import type { Config } from './config.js';

/** What every use case gets: the database and the configuration. No request, no reply. */
export interface AppContext {
  database: Database;
  db: Db;
  config: Config;
}
