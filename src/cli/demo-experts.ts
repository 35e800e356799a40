// Demo 专家库: 114 experts with accounts expert.001 … expert.114, assigned as the seeds describe
// (point-to-point for every 小巨人, by district for the 专精特新 enterprises at about 2,365 / 300
// enterprises per expert), a few declared conflicts of interest and a few visits.
import { asc, inArray } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { enterprises, users } from '../db/schema/index.js';
import { districtOfficerIds, enterpriseUserIds } from '../modules/auth/find-recipients.js';
import { insertAssignments, insertConflicts, insertExperts, insertVisits } from '../modules/experts/experts.repo.js';
import { sendMessages } from '../modules/messages/send-messages.js';
import { seededRandom } from './random.js';

export const DEMO_EXPERTS = 114;
/** Seeds: 300 experts for 2,365 专精特新 enterprises by district. */
const SRDI_PER_EXPERT = 2365 / 300;
/** expert.001 serves 荣昌区 (the demo enterprise's district) as well as its 小巨人. */
const FIRST_EXPERT_DISTRICT = '500153';

const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾');
const GIVEN = Array.from('伟芳敏静丽强磊军洋勇杰涛明超平刚华建国红梅志文斌宇浩');
const ORGANISATIONS = [
  '重庆大学',
  '西南大学',
  '重庆邮电大学',
  '重庆理工大学',
  '重庆交通大学',
  '重庆工商大学',
  '中国汽车工程研究院',
  '重庆市科学技术研究院',
  '重庆市中小企业服务中心',
  '重庆市生产力促进中心',
  '中机中联工程有限公司',
  '重庆市工业和信息化发展研究中心',
];
/** GB/T 4754 divisions the city's tiers are strongest in (manufacturing, software, services). */
const FIELDS = ['36', '39', '38', '34', '35', '26', '27', '30', '33', '40', '65', '64', '73', '74', '13', '14'];

export const demoExpertUsername = (i: number) => `expert.${String(i + 1).padStart(3, '0')}`;

export async function writeDemoExperts(tx: Tx, passwordHash: string, seed = 42) {
  const rnd = seededRandom(seed ^ 0xe7e7);
  const tiered = await tx
    .select({ id: enterprises.id, name: enterprises.name, districtCode: enterprises.districtCode, tier: enterprises.currentTier })
    .from(enterprises)
    .where(inArray(enterprises.currentTier, ['little_giant', 'srdi']))
    .orderBy(asc(enterprises.districtCode), asc(enterprises.uscc));
  const littleGiants = tiered.filter((e) => e.tier === 'little_giant');
  const srdiByDistrict = new Map<string, typeof tiered>();
  for (const e of tiered) if (e.tier === 'srdi') srdiByDistrict.set(e.districtCode, [...(srdiByDistrict.get(e.districtCode) ?? []), e]);

  // Who serves which district: ceil(n / 7.9) experts per district with 专精特新 enterprises, handed
  // out in turn from the end of the pool (the first ones serve the 小巨人 point-to-point).
  const districtsOf: string[][] = Array.from({ length: DEMO_EXPERTS }, () => []);
  districtsOf[0].push(FIRST_EXPERT_DISTRICT);
  let next = DEMO_EXPERTS - 1;
  for (const [district, list] of [...srdiByDistrict].sort(([a], [b]) => a.localeCompare(b))) {
    const wanted = Math.max(1, Math.ceil(list.length / SRDI_PER_EXPERT));
    for (let k = 0; k < wanted; k++) {
      const i = next;
      next = next === 0 ? DEMO_EXPERTS - 1 : next - 1;
      if (!districtsOf[i].includes(district)) districtsOf[i].push(district);
    }
  }

  const people = Array.from({ length: DEMO_EXPERTS }, (_, i) => ({
    name: rnd.pick(SURNAMES) + rnd.pick(GIVEN) + (rnd.next() < 0.6 ? rnd.pick(GIVEN) : ''),
    organization: rnd.pick(ORGANISATIONS),
    industryCode: FIELDS[i % FIELDS.length],
    // Districts served: the assigned ones, and for the point-to-point experts their 小巨人's district.
    districtCodes: [...new Set([...districtsOf[i], ...(littleGiants[i] ? [littleGiants[i].districtCode] : [])])],
    contactPhone: `1${rnd.int(30, 89)}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`,
  }));
  const userRows = await tx
    .insert(users)
    .values(
      people.map((p, i) => ({
        username: demoExpertUsername(i),
        displayName: p.name,
        role: 'expert' as const,
        organization: p.organization,
        passwordHash,
        passwordSetBy: 'demo' as const,
      })),
    )
    .returning({ id: users.id, username: users.username });
  const userIds = new Map(userRows.map((u) => [u.username, u.id]));
  const inserted = await insertExperts(
    tx,
    people.map((p, i) => ({ ...p, userId: userIds.get(demoExpertUsername(i)) ?? null })),
  );
  const expertOf = new Map(inserted.map((x) => [x.userId, x.id]));
  const expertIds = people.map((_, i) => expertOf.get(userIds.get(demoExpertUsername(i)) ?? null) as string);

  // One declared conflict for every tenth expert with an enterprise of a district it serves (the scope leaves it out).
  const conflicts: { expertId: string; enterpriseId: string; reason: string }[] = [];
  for (let i = 9; i < DEMO_EXPERTS; i += 10) {
    const pool = districtsOf[i].flatMap((d) => srdiByDistrict.get(d) ?? []);
    if (pool.length) conflicts.push({ expertId: expertIds[i], enterpriseId: rnd.pick(pool).id, reason: rnd.pick(CONFLICT_REASONS) });
  }
  await insertConflicts(tx, conflicts);

  const conflicted = new Set(conflicts.map((c) => `${c.expertId}:${c.enterpriseId}`));
  await insertAssignments(tx, [
    ...littleGiants.flatMap((e, k) => {
      const expertId = expertIds[k % DEMO_EXPERTS];
      return conflicted.has(`${expertId}:${e.id}`) ? [] : [{ expertId, kind: 'enterprise' as const, enterpriseId: e.id }];
    }),
    ...districtsOf.flatMap((ds, i) => ds.map((districtCode) => ({ expertId: expertIds[i], kind: 'district' as const, districtCode }))),
  ]);

  // A few visits by expert.001 to what it serves, each with its message, as the use case sends them.
  const served = [...littleGiants.slice(0, 1), ...(srdiByDistrict.get(FIRST_EXPERT_DISTRICT) ?? []).slice(0, 3)];
  const visits = served.map((e, k) => ({
    expertId: expertIds[0],
    enterpriseId: e.id,
    visitedOn: VISIT_DATES[k % VISIT_DATES.length],
    form: (['onsite', 'online', 'phone'] as const)[k % 3],
    topic: VISIT_TOPICS[k % VISIT_TOPICS.length],
    advice: VISIT_ADVICE[k % VISIT_ADVICE.length],
    followUp: k % 2 === 0 ? '一个月后回访，查看整改进度' : null,
    createdBy: userIds.get(demoExpertUsername(0)) as string,
  }));
  await insertVisits(tx, visits);
  for (const v of visits) {
    const e = tiered.find((t) => t.id === v.enterpriseId);
    if (!e) continue;
    const recipients = [...(await enterpriseUserIds(tx, e.id)), ...(await districtOfficerIds(tx, e.districtCode))];
    await sendMessages(
      tx,
      recipients.map((userId) => ({
        userId,
        category: 'expert_visit' as const,
        title: `专家服务记录：${e.name}`,
        body: `${people[0].name}（${people[0].organization}）于 ${v.visitedOn} 服务“${e.name}”，主题：${v.topic}。`,
        link: `/enterprises/${e.id}`,
      })),
    );
  }
  return {
    experts: DEMO_EXPERTS,
    pointToPoint: littleGiants.length,
    districtAssignments: districtsOf.reduce((s, d) => s + d.length, 0),
    conflicts: conflicts.length,
    visits: visits.length,
  };
}

const CONFLICT_REASONS = ['曾在该企业任职', '持有该企业股份', '近亲属在该企业担任管理职务', '为该企业提供有偿咨询'];
const VISIT_DATES = ['2026-03-12', '2026-04-08', '2026-04-23', '2026-05-14'];
const VISIT_TOPICS = ['研发费用归集与加计扣除', '专精特新“小巨人”申报准备', '数字化转型诊断', '知识产权布局'];
const VISIT_ADVICE = [
  '建议按项目设立研发辅助账，区分研发与生产人员工时，季度归集研发费用。',
  '对照认定标准，细分市场占有率和主导产品佐证材料尚需补充，建议提前收集第三方报告。',
  '生产设备联网率偏低，建议先从关键工序数据采集入手，申请市级数字化车间。',
  '核心工艺已有发明专利，建议围绕主导产品布局外围实用新型，形成专利组合。',
];
