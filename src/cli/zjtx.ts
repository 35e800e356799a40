#!/usr/bin/env node
// The zjtx command: serve (default), migrate, demo.
import { parseArgs } from 'node:util';
import { type Database, openDatabase } from '../db/database.js';
import { migrateDatabase } from '../db/migrate.js';
import { deleteExpiredSessions } from '../modules/auth/sessions.repo.js';
import { buildApp } from '../server/app.js';
import { type Config, loadConfig } from '../server/config.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, hasUsers, seedDemo } from './demo-data.js';

async function open(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  return database;
}

function where(config: Config): string {
  return config.databaseUrl
    ? `PostgreSQL（${config.databaseUrl.replace(/\/\/[^@]*@/, '//***@')}）`
    : `内置数据库 PGlite（${config.dataDir}）`;
}

function printDemoAccounts(): void {
  console.log(`\n演示账号（密码均为 ${DEMO_PASSWORD}）：`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(18)} ${a.note}`);
  console.log('');
}

async function serve(config: Config): Promise<void> {
  const started = performance.now();
  const database = await open(config);
  if (!(await hasUsers(database))) {
    if (database.kind === 'pglite') {
      const seeded = await seedDemo(database);
      console.log(`首次启动：已写入演示数据（${seeded.enterprises} 家企业）。`);
      printDemoAccounts();
    } else {
      console.log('数据库中还没有用户：运行 `npm run demo` 写入演示数据和演示账号。');
    }
  }
  const app = await buildApp({ database, config, logger: process.env.ZJTX_LOG === '1' });
  await app.listen({ port: config.port, host: config.host });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(`zjtx 已启动（${seconds} 秒）：http://${shownHost}:${config.port}  数据库：${where(config)}`);
  console.log(`接口文档：http://${shownHost}:${config.port}/api/docs`);

  const sweep = setInterval(() => deleteExpiredSessions(database.db).catch(() => {}), 3_600_000);
  sweep.unref();
  const stop = async () => {
    clearInterval(sweep);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { enterprises: { type: 'string' }, seed: { type: 'string' } },
  });
  const command = positionals[0] ?? 'serve';
  const config = loadConfig();
  // Ended by a signal through process.exit, so that the data directory's lock is released ('exit').
  if (command !== 'serve') for (const s of ['SIGINT', 'SIGTERM'] as const) process.once(s, () => process.exit(130));
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate': {
      const database = await open(config);
      console.log(`迁移完成：${where(config)}`);
      return database.close();
    }
    case 'demo': {
      const database = await open(config);
      const seeded = await seedDemo(database, {
        enterprises: values.enterprises ? Number(values.enterprises) : undefined,
        seed: values.seed ? Number(values.seed) : undefined,
      });
      console.log(`已写入演示数据：${seeded.enterprises} 家企业，${where(config)}`);
      printDemoAccounts();
      return database.close();
    }
    default:
      console.error(`未知命令：${command}。可用：serve、migrate、demo`);
      process.exitCode = 2;
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
