import { count, eq } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { enterprises, users } from '../db/schema/index.js';
import { DEMO_PASSWORD, hashPassword } from '../modules/auth/passwords.js';
import type { Role } from '../server/access.js';
import { writeAudit } from '../server/audit.js';
import { DEMO_ENTERPRISE, generateDemoEnterprises } from './demo-enterprises.js';
import { writeDemoExperts } from './demo-experts.js';
import { writeDemoFactoryHonours, writeDemoListings } from './demo-listings.js';
import { writeDemoMonitoring } from './demo-monitoring.js';
import { writeDemoEnterprises } from './write-demo.js';

/** A few thousand: enough to look like a city, quick enough for a first start. */
export const DEFAULT_DEMO_ENTERPRISES = 3000;

export { DEMO_PASSWORD };

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  districtCode?: string;
  organization?: string;
  /** Bound to the demo enterprise (荣昌区). */
  demoEnterprise?: boolean;
  /** Written by its own generator (demo-experts.ts); listed here to be shown. */
  generated?: boolean;
  note: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'city.admin', displayName: '市经信委管理员', role: 'city_admin', note: '市经信委，全市数据' },
  { username: 'rongchang.admin', displayName: '荣昌区经信委', role: 'district_admin', districtCode: '500153', note: '荣昌区，仅本区数据' },
  { username: 'yubei.admin', displayName: '渝北区经信委', role: 'district_admin', districtCode: '500112', note: '渝北区，仅本区数据' },
  { username: 'demo.enterprise', displayName: '企业填报员', role: 'enterprise', demoEnterprise: true, note: '荣昌区示范企业，仅本企业' },
  {
    username: 'expert.001',
    displayName: '专家',
    role: 'expert',
    generated: true,
    note: '专家（共 114 位：expert.001～expert.114），仅分配给本人服务的企业',
  },
];

export async function hasUsers(database: Database): Promise<boolean> {
  const [{ n }] = await database.db.select({ n: count() }).from(users);
  return n > 0;
}

/** Demo enterprises and the demo accounts, in one transaction. Refuses a database that already has users. */
export async function seedDemo(database: Database, options: { enterprises?: number; seed?: number; monitoring?: boolean } = {}) {
  if (await hasUsers(database)) throw new Error('数据库中已有用户，演示数据只能写入空库');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const total = options.enterprises ?? DEFAULT_DEMO_ENTERPRISES;
  let monitoringReports = 0;
  await database.db.transaction(async (tx) => {
    const written = await writeDemoEnterprises(tx, generateDemoEnterprises(total, options.seed ?? 42));
    const [demo] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.uscc, DEMO_ENTERPRISE.uscc));
    await tx.insert(users).values(
      DEMO_ACCOUNTS.filter((a) => !a.generated).map((a) => ({
        username: a.username,
        displayName: a.displayName,
        role: a.role,
        districtCode: a.districtCode ?? null,
        enterpriseId: a.demoEnterprise ? demo.id : null,
        organization: a.organization ?? null,
        passwordHash,
        // Published in README: must be changed once the platform leaves demo mode.
        passwordSetBy: 'demo' as const,
      })),
    );
    const experts = await writeDemoExperts(tx, passwordHash, options.seed ?? 42);
    // 上市进程 of a few firms and 智能工厂 / 绿色工厂 recognitions (目标考核 counts them).
    await writeDemoListings(tx);
    await writeDemoFactoryHonours(tx);
    // Monthly reports (运行监测) for the demo sample: the CLI's demo asks for them; tests' templates do not.
    if (options.monitoring) monitoringReports = (await writeDemoMonitoring(tx, options.seed ?? 42)).reports;
    await writeAudit(tx, null, {
      action: 'demo.seed',
      entityType: 'system',
      after: { ...written, users: DEMO_ACCOUNTS.filter((a) => !a.generated).length + experts.experts },
    });
  });
  await database.maintain([
    'enterprises',
    'enterprise_years',
    'enterprise_titles',
    'enterprise_honours',
    ...(options.monitoring ? ['monitoring_reports', 'monitoring_report_versions', 'monitoring_aggregates', 'monitoring_sample'] : []),
  ]);
  return { enterprises: total, monitoringReports, accounts: DEMO_ACCOUNTS };
}
