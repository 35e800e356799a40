#!/usr/bin/env node
// The zjtx command: serve (default), migrate, demo, admin create, backup, restore.
import { parseArgs } from 'node:util';
import type { Database } from '../db/database.js';
import { appRoleRisk, openMigratedDatabase } from '../db/migrate.js';
import { checkAdminInput } from '../modules/auth/check-admin-input.js';
import { createAdmin } from '../modules/auth/create-admin.js';
import { buildApp } from '../server/app.js';
import { type Config, loadConfig } from '../server/config.js';
import { backupCommand, serveBackups } from './backup.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, hasUsers, seedDemo } from './demo-data.js';
import { readNewPassword } from './read-password.js';
import { restoreCommand } from './restore.js';

async function open(config: Config): Promise<Database> {
  const database = await openMigratedDatabase(config);
  await warnAboutAppRole(config, database);
  return database;
}

/** On PostgreSQL the application should not own the tables (it could disable the audit trigger). */
async function warnAboutAppRole(config: Config, database: Database): Promise<void> {
  const risk = await appRoleRisk(database);
  if (!risk || (!config.migrationDatabaseUrl && process.env.NODE_ENV !== 'production')) return;
  console.warn(
    `警告：${risk}，可以停用审计日志的保护触发器、修改或删除数据表。生产环境请让 DATABASE_URL 使用一个不拥有任何数据表的应用角色，` +
      '并用 ZJTX_MIGRATION_DATABASE_URL 指定数据表所有者（迁移和授权以它执行）。',
  );
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
    // Demo data only in demo mode (not with ZJTX_DEMO=off or NODE_ENV=production) and only on the embedded database.
    if (config.demoMode && database.kind === 'pglite') {
      const seeded = await seedDemo(database, { monitoring: true });
      console.log(`首次启动：已写入演示数据（${seeded.enterprises} 家企业，${seeded.monitoringReports} 份月报）。`);
      printDemoAccounts();
    } else {
      console.log(
        `数据库中还没有用户：运行 \`npm run admin:create -- --username 用户名\` 创建第一个市经信委管理员${
          database.kind === 'pglite' ? '（使用内置数据库时请先停止本服务）' : ''
        }${config.demoMode ? '；或运行 `npm run demo` 写入演示数据和演示账号' : ''}。`,
      );
    }
  }
  // JSON logs on stdout, one line per request (LOG_LEVEL; silent switches them off).
  const app = await buildApp({ database, config, logger: true });
  // ZJTX_PROCESS=worker: jobs and schedules only (started by buildApp), no HTTP listener.
  if (config.process !== 'worker') await app.listen({ port: config.port, host: config.host });
  // On PGlite this process holds the data directory: `npm run backup` asks it through a socket there.
  const backups =
    database.kind === 'pglite'
      ? await serveBackups(database, config.dataDir).catch((error) => {
          // E.g. a data directory path longer than a Unix socket name may be: the platform runs, backups need it stopped.
          console.warn(
            `警告：无法在数据目录中开启备份通道（${error instanceof Error ? error.message : error}），运行期间无法执行 npm run backup`,
          );
          return null;
        })
      : null;

  // Expired sessions, stale login attempts and rate windows are swept by the hourly schedule (src/server/sweeps.ts).
  // SIGTERM: the listener closes and requests in flight finish (app.close), then the worker stops claiming
  // and hands back the leases of its running jobs (another process takes them at once), then exit.
  const stop = async () => {
    try {
      await backups?.close();
      await app.close();
      await database.close();
    } finally {
      process.exit(0);
    }
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Last: whoever waits for this line (a person, a test, a supervisor) may stop the server at once.
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  if (config.process === 'worker') {
    console.log(`zjtx 已启动（${seconds} 秒）：工作进程，运行后台任务和定时任务，不接收网页请求  数据库：${where(config)}`);
    return;
  }
  const role = config.process === 'web' ? '（网页进程：不运行后台任务，由工作进程运行）' : '';
  console.log(`zjtx 已启动（${seconds} 秒）：http://${shownHost}:${config.port}${role}  数据库：${where(config)}`);
  console.log(`接口文档：http://${shownHost}:${config.port}/api/docs`);
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      enterprises: { type: 'string' },
      seed: { type: 'string' },
      username: { type: 'string' },
      'display-name': { type: 'string' },
    },
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
      if (!config.demoMode) throw new Error('演示模式已关闭（ZJTX_DEMO=off 或 NODE_ENV=production）：不写入演示数据和演示账号');
      const database = await open(config);
      const seeded = await seedDemo(database, {
        enterprises: values.enterprises ? Number(values.enterprises) : undefined,
        seed: values.seed ? Number(values.seed) : undefined,
        monitoring: true,
      });
      console.log(`已写入演示数据：${seeded.enterprises} 家企业，${seeded.monitoringReports} 份月报，${where(config)}`);
      printDemoAccounts();
      return database.close();
    }
    case 'admin': {
      if (positionals[1] !== 'create' || !values.username) {
        console.error('用法：npm run admin:create -- --username 用户名 [--display-name 姓名]（密码在终端输入，或从标准输入读取第一行）');
        process.exitCode = 2;
        return;
      }
      const input = { username: values.username, displayName: values['display-name'], password: await readNewPassword() };
      checkAdminInput(input);
      const database = await open(config);
      try {
        const created = await createAdmin(database, input);
        console.log(`已创建市经信委管理员 ${created.username}（${where(config)}），可以登录了。`);
      } finally {
        await database.close();
      }
      return;
    }
    case 'backup': {
      const done = await backupCommand(config, positionals[1]);
      console.log(
        `备份完成：${done.file}（${done.tables} 张数据表，${done.rows} 行，${done.files} 个附件，${(done.bytes / 1024 / 1024).toFixed(1)} MB${
          done.via === 'server' ? '，由运行中的平台写出' : ''
        }）`,
      );
      return;
    }
    case 'restore': {
      const done = await restoreCommand(config, positionals[1]);
      console.log(`恢复完成：${where(config)}（${done.tables} 张数据表，${done.rows} 行，${done.files} 个附件）`);
      return;
    }
    default:
      console.error(`未知命令：${command}。可用：serve、migrate、demo、admin create、backup、restore`);
      process.exitCode = 2;
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
