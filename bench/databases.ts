import { randomBytes } from 'node:crypto';
import { type Database, openDatabase } from '../src/db/database.js';
import { findUserByUsername } from '../src/modules/auth/users.repo.js';
import type { Actor } from '../src/server/access.js';

/**
 * A fresh PostgreSQL database for one benchmark, on the server of ZJTX_BENCH_DATABASE_URL
 * (a role that may create databases); dropped again by `drop`.
 */
export async function freshPostgres(): Promise<{ url: string; database: Database; drop: () => Promise<void> }> {
  const adminUrl = process.env.ZJTX_BENCH_DATABASE_URL as string;
  const name = `zjtx_bench_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ databaseUrl: adminUrl, poolSize: 1 });
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  return {
    url: url.toString(),
    database,
    drop: async () => {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

/** The demo account as the server would see it once logged in (benchmarks call the modules directly). */
export async function demoActor(database: Database, username: 'city.admin' | 'rongchang.admin' | 'demo.enterprise'): Promise<Actor> {
  const user = await findUserByUsername(database.db, username);
  if (!user) throw new Error(`no demo user ${username}`);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Actor['role'],
    districtCode: user.districtCode,
    enterpriseId: user.enterpriseId,
    organization: user.organization,
  };
}
