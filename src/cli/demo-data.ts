import { count, eq } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { enterprises, users } from '../db/schema/index.js';
import { makeUscc, USCC_ALPHABET } from '../domain/uscc.js';
import { hashPassword } from '../modules/auth/passwords.js';
import type { Role } from '../server/access.js';
import { writeAudit } from '../server/audit.js';
import { seededRandom } from './random.js';

export const DEMO_PASSWORD = 'Zjtx-demo-2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  districtCode?: string;
  organization?: string;
  /** Bound to the demo enterprise (荣昌区). */
  demoEnterprise?: boolean;
  note: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'city.admin', displayName: '市经信委管理员', role: 'city_admin', note: '市经信委，全市数据' },
  { username: 'rongchang.admin', displayName: '荣昌区经信委', role: 'district_admin', districtCode: '500153', note: '荣昌区，仅本区数据' },
  { username: 'yubei.admin', displayName: '渝北区经信委', role: 'district_admin', districtCode: '500112', note: '渝北区，仅本区数据' },
  { username: 'demo.enterprise', displayName: '企业填报员', role: 'enterprise', demoEnterprise: true, note: '荣昌区示范企业，仅本企业' },
];

export const DEMO_ENTERPRISE = { name: '重庆昌州智能装备股份有限公司', districtCode: '500153', industryCode: '35' };

// Where registered enterprises sit: the main-city districts and the big industrial districts weigh more.
const DISTRICT_WEIGHTS: [string, number][] = [
  ['500112', 10],
  ['500107', 8],
  ['500106', 7],
  ['500105', 6],
  ['500108', 6],
  ['500113', 6],
  ['500109', 5],
  ['500120', 5],
  ['500116', 5],
  ['500118', 5],
  ['500102', 4],
  ['500101', 4],
  ['500117', 4],
  ['500110', 3],
  ['500111', 3],
  ['500115', 3],
  ['500151', 3],
  ['500152', 2],
  ['500153', 3],
  ['500154', 2],
  ['500155', 2],
  ['500119', 2],
  ['500104', 2],
  ['500103', 2],
  ['500114', 1],
  ['500156', 1],
  ['500229', 1],
  ['500230', 1],
  ['500231', 1],
  ['500233', 1],
  ['500235', 1],
  ['500236', 1],
  ['500237', 1],
  ['500238', 1],
  ['500240', 1],
  ['500241', 1],
  ['500242', 1],
  ['500243', 1],
];
// Mostly manufacturing (制造业 大类), some software and technical services.
const INDUSTRY_WEIGHTS: [string, number][] = [
  ['36', 12],
  ['39', 10],
  ['38', 9],
  ['34', 9],
  ['35', 9],
  ['33', 7],
  ['26', 5],
  ['27', 5],
  ['29', 5],
  ['30', 4],
  ['40', 4],
  ['14', 3],
  ['13', 3],
  ['32', 3],
  ['37', 3],
  ['31', 2],
  ['17', 1],
  ['18', 1],
  ['65', 6],
  ['74', 3],
  ['73', 2],
];
const WORDS = [
  '渝',
  '巴',
  '江',
  '嘉',
  '山城',
  '长江',
  '缙云',
  '歌乐',
  '鼎',
  '华',
  '瑞',
  '恒',
  '博',
  '精',
  '锐',
  '宏',
  '泰',
  '丰',
  '盛',
  '创',
  '联',
  '新',
  '智',
  '源',
  '弘',
  '信',
  '达',
  '德',
  '昌',
  '永',
  '川',
  '峰',
  '明',
  '晟',
  '宸',
  '钰',
  '耀',
  '卓',
  '科',
  '腾',
];
const TRADES: Record<string, string[]> = {
  '36': ['汽车零部件', '汽车电子', '新能源汽车部件'],
  '39': ['电子', '光电', '半导体', '微电子'],
  '38': ['电气', '电机', '储能'],
  '34': ['机械', '动力', '通用设备'],
  '35': ['智能装备', '精密机械', '专用设备'],
  '33': ['金属制品', '精密铸造'],
  '26': ['化工', '新材料'],
  '27': ['生物医药', '制药', '药业'],
  '29': ['塑胶', '橡塑'],
  '30': ['玻璃', '陶瓷', '建材科技'],
  '40': ['仪器仪表', '传感技术'],
  '14': ['食品', '调味品'],
  '13': ['农产品加工', '粮油'],
  '32': ['铝业', '有色金属'],
  '37': ['摩托车', '船舶配件', '轨道交通装备'],
  '31': ['特钢'],
  '17': ['纺织'],
  '18': ['服饰'],
  '65': ['软件', '信息技术', '数据科技'],
  '74': ['检测技术', '工程技术'],
  '73': ['研究院'],
};
const SUFFIXES: [string, number][] = [
  ['有限公司', 8],
  ['股份有限公司', 2],
  ['科技有限公司', 3],
];

/** A few hundred plausible enterprises; the registry's generator makes the large sets. */
function demoEnterprises(n: number, seed: number) {
  const rnd = seededRandom(seed);
  const names = new Set<string>([DEMO_ENTERPRISE.name]);
  const codes = new Set<string>();
  const rows: (typeof enterprises.$inferInsert)[] = [
    { ...DEMO_ENTERPRISE, uscc: makeUscc('500153', 'MA5U7K3P'), establishedOn: '2012-06-18' },
  ];
  codes.add(rows[0].uscc);
  while (rows.length < n) {
    const districtCode = rnd.weighted(DISTRICT_WEIGHTS);
    const industryCode = rnd.weighted(INDUSTRY_WEIGHTS);
    const name = `重庆${rnd.pick(WORDS)}${rnd.pick(WORDS)}${rnd.pick(TRADES[industryCode])}${rnd.weighted(SUFFIXES)}`.replace(
      '科技科技',
      '科技',
    );
    if (names.has(name)) continue;
    let body = 'MA';
    for (let i = 0; i < 6; i++) body += USCC_ALPHABET[rnd.int(0, 30)];
    const uscc = makeUscc(districtCode, body);
    if (codes.has(uscc)) continue;
    names.add(name);
    codes.add(uscc);
    const year = rnd.int(1998, 2022);
    const zoneCode =
      ['500112', '500105', '500109'].includes(districtCode) && rnd.next() < 0.4
        ? 'LJXQ'
        : districtCode === '500106' && rnd.next() < 0.4
          ? 'GXQ'
          : districtCode === '500110' && rnd.next() < 0.2
            ? 'WSJK'
            : null;
    rows.push({
      name,
      uscc,
      districtCode,
      zoneCode,
      industryCode,
      establishedOn: `${year}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`,
    });
  }
  return rows;
}

export async function hasUsers(database: Database): Promise<boolean> {
  const [{ n }] = await database.db.select({ n: count() }).from(users);
  return n > 0;
}

/** Demo enterprises and the demo accounts, in one transaction. Refuses a database that already has users. */
export async function seedDemo(database: Database, options: { enterprises?: number; seed?: number } = {}) {
  if (await hasUsers(database)) throw new Error('数据库中已有用户，演示数据只能写入空库');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rows = demoEnterprises(options.enterprises ?? 300, options.seed ?? 42);
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(enterprises).values(rows.slice(i, i + 1000));
    const [demo] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.name, DEMO_ENTERPRISE.name));
    await tx.insert(users).values(
      DEMO_ACCOUNTS.map((a) => ({
        username: a.username,
        displayName: a.displayName,
        role: a.role,
        districtCode: a.districtCode ?? null,
        enterpriseId: a.demoEnterprise ? demo.id : null,
        organization: a.organization ?? null,
        passwordHash,
      })),
    );
    await writeAudit(tx, null, {
      action: 'demo.seed',
      entityType: 'system',
      after: { enterprises: rows.length, users: DEMO_ACCOUNTS.length },
    });
  });
  return { enterprises: rows.length, accounts: DEMO_ACCOUNTS };
}
