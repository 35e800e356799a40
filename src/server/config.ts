import path from 'node:path';
import { parseS3Url } from '../modules/files/s3-url.js';
import { addressEntryProblem } from './address-list.js';

export interface Config {
  port: number;
  host: string;
  /** postgres://… for a real PostgreSQL; undefined means embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  /**
   * A streaming replica of DATABASE_URL (DATABASE_READ_URL): the cockpit, the 通报 and the figures read
   * from it (readerFor); writes and reads of one's own writes stay on the primary.
   */
  databaseReadUrl: string | undefined;
  /** Beyond this replication lag (ZJTX_READ_MAX_LAG_SECONDS, default 10) those reads go to the primary. */
  readMaxLagSeconds: number;
  /** The tables' owner (ZJTX_MIGRATION_DATABASE_URL): migrations and grants run as it, the app as DATABASE_URL's role. */
  migrationDatabaseUrl: string | undefined;
  /** The role the owner grants to (ZJTX_APP_ROLE; default DATABASE_URL's user). */
  appRole: string | undefined;
  dataDir: string;
  /** Sessions end this many minutes after the last request (sliding)… */
  sessionIdleMinutes: number;
  /** …and at the latest this many hours after login. */
  sessionMaxHours: number;
  /** Login attempts per IP per minute. */
  loginRateLimitPerMinute: number;
  /**
   * Demo mode (default): an empty embedded database gets demo data and demo accounts, whose
   * published password need not be changed. Off with ZJTX_DEMO=off or NODE_ENV=production.
   */
  demoMode: boolean;
  /** Extra origins allowed to send mutating requests (the app's own origin always is). */
  allowedOrigins: string[];
  /** Cookie `Secure` flag: on behind HTTPS. */
  secureCookies: boolean;
  /**
   * Addresses or CIDRs of the reverse proxies whose X-Forwarded-For is believed (ZJTX_TRUST_PROXY):
   * without it, every user behind a proxy has the proxy's address and shares its login limits.
   */
  trustProxy: string[];
  /** Pino's level for the JSON logs of `serve` (LOG_LEVEL; `silent` switches them off). */
  logLevel: string;
  /** Addresses or CIDRs that may read GET /metrics (ZJTX_METRICS_ALLOW; default loopback); others get 404. */
  metricsAllow: string[];
  /** ZJTX_OUTBOX_LOG: the outbox appends one JSON line per delivery to this file (the log channel). */
  outboxLogFile: string | undefined;
  /** ZJTX_SMTP_URL (smtp://user:pass@host:587, smtps://…): the outbox sends e-mail to users with an address. */
  smtpUrl: string | undefined;
  /** ZJTX_SMTP_FROM: the sender of those e-mails. */
  smtpFrom: string | undefined;
  /**
   * What this process does (ZJTX_PROCESS): `web` serves HTTP and enqueues jobs but runs none,
   * `worker` runs jobs and schedules without an HTTP listener, `all` (default) both.
   */
  process: ProcessRole;
  /**
   * Where attachments live (ZJTX_STORAGE_URL): unset = on disk under dataDir/files; `s3://bucket/prefix?endpoint=…&region=…`
   * = an S3-compatible store, credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
   */
  storageUrl?: string;
  /** ZJTX_PDF_FONT: a CJK font file (.ttf, .otf or .ttc) for the PDFs (申报书); unset = Debian's Noto Sans CJK. */
  pdfFont?: string;
}

export const PROCESS_ROLES = ['web', 'worker', 'all'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

function processRole(value: string | undefined): ProcessRole {
  const v = value?.trim().toLowerCase() || 'all';
  if (!(PROCESS_ROLES as readonly string[]).includes(v)) {
    throw new Error(`环境变量 ZJTX_PROCESS 只能是 web（只处理网页请求）、worker（只运行后台任务）或 all（两者），当前为 "${value}"`);
  }
  return v as ProcessRole;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function logLevel(value: string | undefined): string {
  const level = value?.trim().toLowerCase() || 'info';
  if (!LOG_LEVELS.includes(level)) throw new Error(`环境变量 LOG_LEVEL 只能是 ${LOG_LEVELS.join('、')} 之一，当前为 "${value}"`);
  return level;
}

function addressList(value: string | undefined, fallback: string[], name: string): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const problem = addressEntryProblem(entry);
    if (problem) throw new Error(`环境变量 ${name} 有误：${problem}（应为逗号分隔的 IP 地址或 CIDR 网段，如 127.0.0.1,10.0.0.0/8）`);
  }
  return entries.length ? entries : fallback;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`环境变量 ${name} 必须是正整数，当前为 "${value}"`);
  return n;
}

function seconds(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`环境变量 ${name} 必须是不小于 0 的秒数，当前为 "${value}"`);
  return n;
}

function demoMode(env: NodeJS.ProcessEnv): boolean {
  const value = env.ZJTX_DEMO?.trim().toLowerCase() || 'on';
  if (value !== 'on' && value !== 'off') throw new Error(`环境变量 ZJTX_DEMO 只能是 on 或 off，当前为 "${env.ZJTX_DEMO}"`);
  return value === 'on' && env.NODE_ENV !== 'production';
}

function storageUrl(value: string | undefined): string | undefined {
  const url = value?.trim();
  if (!url) return undefined;
  try {
    parseS3Url(url);
  } catch (error) {
    throw new Error(`环境变量 ZJTX_STORAGE_URL 有误：${(error as Error).message}`);
  }
  return url;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('环境变量 DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头');
  }
  const migrationDatabaseUrl = env.ZJTX_MIGRATION_DATABASE_URL?.trim() || undefined;
  if (migrationDatabaseUrl && !/^postgres(ql)?:\/\//.test(migrationDatabaseUrl)) {
    throw new Error('环境变量 ZJTX_MIGRATION_DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头');
  }
  if (migrationDatabaseUrl && !databaseUrl) {
    throw new Error('设置了 ZJTX_MIGRATION_DATABASE_URL（数据表所有者）时，还须设置 DATABASE_URL（应用角色）');
  }
  const databaseReadUrl = env.DATABASE_READ_URL?.trim() || undefined;
  if (databaseReadUrl && !/^postgres(ql)?:\/\//.test(databaseReadUrl)) {
    throw new Error('环境变量 DATABASE_READ_URL 必须以 postgres:// 或 postgresql:// 开头');
  }
  if (databaseReadUrl && !databaseUrl) {
    throw new Error('设置了 DATABASE_READ_URL（只读副本）时，还须用 DATABASE_URL 指定主库');
  }
  const smtpUrl = env.ZJTX_SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    throw new Error('环境变量 ZJTX_SMTP_URL 必须以 smtp:// 或 smtps:// 开头，如 smtp://用户名:密码@主机:587');
  }
  const smtpFrom = env.ZJTX_SMTP_FROM?.trim() || undefined;
  if (smtpUrl && !smtpFrom) throw new Error('设置了 ZJTX_SMTP_URL 时，还须用 ZJTX_SMTP_FROM 指定发件人地址');
  return {
    port: int(env.PORT, 3000, 'PORT'),
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl,
    databaseReadUrl,
    readMaxLagSeconds: seconds(env.ZJTX_READ_MAX_LAG_SECONDS, 10, 'ZJTX_READ_MAX_LAG_SECONDS'),
    migrationDatabaseUrl,
    appRole: env.ZJTX_APP_ROLE?.trim() || undefined,
    dataDir: path.resolve(env.ZJTX_DATA_DIR?.trim() || './data'),
    sessionIdleMinutes: int(env.ZJTX_SESSION_IDLE_MINUTES, 120, 'ZJTX_SESSION_IDLE_MINUTES'),
    sessionMaxHours: int(env.ZJTX_SESSION_MAX_HOURS, 12, 'ZJTX_SESSION_MAX_HOURS'),
    loginRateLimitPerMinute: int(env.ZJTX_LOGIN_RATE_LIMIT, 30, 'ZJTX_LOGIN_RATE_LIMIT'),
    demoMode: demoMode(env),
    allowedOrigins: (env.ZJTX_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    secureCookies: env.ZJTX_SECURE_COOKIES === '1',
    trustProxy: (env.ZJTX_TRUST_PROXY ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: logLevel(env.LOG_LEVEL),
    metricsAllow: addressList(env.ZJTX_METRICS_ALLOW, ['loopback'], 'ZJTX_METRICS_ALLOW'),
    outboxLogFile: env.ZJTX_OUTBOX_LOG?.trim() ? path.resolve(env.ZJTX_OUTBOX_LOG.trim()) : undefined,
    smtpUrl,
    smtpFrom,
    process: processRole(env.ZJTX_PROCESS),
    storageUrl: storageUrl(env.ZJTX_STORAGE_URL),
    pdfFont: env.ZJTX_PDF_FONT?.trim() ? path.resolve(env.ZJTX_PDF_FONT.trim()) : undefined,
  };
}
