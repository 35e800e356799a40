import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';

// Demo listing records (上市进程, issue 12): a few 专精特新 firms on their way to a listing, picked
// deterministically (by credit code) so that the demo looks the same on every start: six listed
// since 2022 (the 2025 plan counts new listings), four filed for tutoring, four quoted on the regional
// equity market after their shareholding reform. Dates after each firm's founding.

const PLAN: { stages: [string, string, string | null][]; count: number }[] = [
  {
    count: 6,
    stages: [
      ['shareholding_reform', '2020-06-18', null],
      ['tutoring_filed', '2021-09-10', null],
      ['application_accepted', '2022-12-20', null],
      ['listed', '2023-11-16', '北交所'],
    ],
  },
  {
    count: 4,
    stages: [
      ['shareholding_reform', '2022-04-12', null],
      ['tutoring_filed', '2024-07-05', null],
    ],
  },
  {
    count: 4,
    stages: [
      ['shareholding_reform', '2023-03-15', null],
      ['quoted', '2023-08-30', '重庆股份转让中心'],
    ],
  },
];

export async function writeDemoListings(tx: DbOrTx): Promise<number> {
  const total = PLAN.reduce((s, p) => s + p.count, 0);
  const rows = await tx.execute(sql`select id from enterprises
    where current_tier in ('little_giant', 'srdi') and established_on < '2020-01-01' order by uscc limit ${total}`);
  const ids = (Array.isArray(rows) ? rows : (rows as { rows: { id: string }[] }).rows) as { id: string }[];
  const values: [string, string, string, string | null][] = [];
  let i = 0;
  for (const group of PLAN) {
    for (let n = 0; n < group.count && i < ids.length; n++, i++) {
      for (const [stage, day, market] of group.stages) values.push([ids[i].id, stage, day, market]);
    }
  }
  if (!values.length) return 0;
  await tx.execute(sql`insert into enterprise_listings (enterprise_id, stage, reached_on, market)
    select * from unnest(${sql.param(values.map((v) => v[0]))}::uuid[], ${sql.param(values.map((v) => v[1]))}::text[],
      ${sql.param(values.map((v) => v[2]))}::date[], ${sql.param(values.map((v) => v[3]))}::text[])`);
  return values.length;
}

/**
 * Demo 智能工厂 and 绿色工厂 recognitions (registry honours; the generator writes 高新技术企业,
 * 科技型企业 and 数字化车间): every 40th and every 25th 专精特新 firm by credit code, dated 2022–2025.
 */
export async function writeDemoFactoryHonours(tx: DbOrTx): Promise<number> {
  const rows = await tx.execute(sql`with ranked as (
      select id, row_number() over (order by uscc) as n from enterprises where current_tier in ('little_giant', 'srdi')
    )
    insert into enterprise_honours (enterprise_id, kind, name, level, obtained_on, valid_until)
    select id, 'smart_factory', '重庆市智能工厂', 'municipal', make_date(2022 + ((n / 40) % 4)::int, 10, 15), null::date from ranked where n % 40 = 7
    union all
    select id, 'green_factory', '重庆市绿色工厂', 'municipal', make_date(2022 + ((n / 25) % 4)::int, 12, 1), null::date from ranked where n % 25 = 3
    returning id`);
  return (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows).length;
}
