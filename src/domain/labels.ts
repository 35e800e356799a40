// What people read for the codes the program keeps: audit actions, the kinds of records, and the
// fields of a change, with their units. One table each, shared by the API (which adds the labels
// next to the codes) and the web app. A new audit action without a label does not compile
// (writeAudit takes an AuditAction) and fails src/domain/labels.test.ts.
import { wanText } from './amounts.js';
import { TIER_LABELS, YEAR_FIELD_LABELS, YEAR_FIELDS, type YearField } from './enterprise-rules.js';
import { REVIEW_QUESTIONS } from './evaluation/reviews.js';
import { LISTING_STAGE_LABELS } from './listing-stages.js';
import { ROLE_LABELS } from './roles.js';
import { SECTOR_LABELS, SIZE_CLASS_LABELS } from './sme-size.js';
import { TARGET_INDICATORS, TARGET_MEASURE_LABELS } from './targets/indicators.js';

/** Every action the audit log records, with its name. */
export const AUDIT_ACTION_LABELS = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.reset_password': '重置密码',
  'user.change_password': '修改本人密码',
  'auth.password_check_failed': '修改密码时原密码错误',
  'cluster.create': '新增产业集群',
  'cluster.update': '修改产业集群',
  'calendar.year_replace': '维护工作日历',
  'enterprise.create': '新增企业',
  'enterprise.update': '修改企业信息',
  'enterprise.import': '批量导入企业',
  'enterprise.import_create': '导入新增企业',
  'enterprise.import_update': '导入更新企业',
  'enterprise.titles_import': '导入梯度称号',
  'enterprise.annual_update': '年度信息更新',
  'recognition.annual_update_deadline': '设置年度信息更新截止日期',
  'evaluation.run': '运行梯度评价',
  'ruleset.publish': '发布评价规则修正',
  'expert.create': '新增专家',
  'expert.update': '修改专家信息',
  'expert.conflict_declare': '登记利益冲突',
  'expert.conflict_withdraw': '撤销利益冲突',
  'expert.assign': '分配专家服务',
  'expert.unassign': '取消专家分配',
  'expert.visit': '记录专家服务',
  'recognition.create': '创建认定申报',
  'recognition.submit': '提交认定申报',
  'recognition.return': '退回认定申报',
  'recognition.district_approve': '区县初审通过',
  'recognition.district_reject': '区县初审不通过',
  'recognition.city_approve': '市级复审通过',
  'recognition.city_reject': '市级复审不通过',
  'recognition.return_to_district': '退回区县初审',
  'recognition.checklist': '填写初审核查',
  'recognition.withdraw': '撤回认定申报',
  'recognition.experts_assigned': '抽取评审专家',
  'recognition.experts_scored': '专家评审完成',
  'recognition.publicity': '认定公示',
  'recognition.objection': '登记公示异议',
  'recognition.objection_upheld': '公示异议成立',
  'recognition.objection_dismissed': '公示异议不成立',
  'recognition.announce': '公告认定',
  'recognition.recommend': '推荐至工业和信息化部',
  'recognition.national_result': '登记工业和信息化部认定结果',
  'recognition.round_create': '新建申报批次',
  'recognition.round_publicity': '发起认定公示',
  'recognition.round_announce': '公告认定结果',
  'recognition.round_recommend': '推荐“小巨人”企业名单',
  'recognition.round_close': '结束申报批次',
  'title.revoke': '撤销梯度称号',
  'title.expire': '梯度称号到期',
  'recognition.experts_draw': '抽取评审专家（双随机）',
  'recognition.expert_review_save': '保存专家评审意见',
  'recognition.expert_review_submit': '提交专家评审意见',
  'monitoring.report_import': '导入月报',
  'monitoring.settings_update': '修改监测设置',
  'enterprise.monitoring_prefill': '月报数据填入年度指标',
  'monitoring.sample_add': '纳入监测企业',
  'monitoring.sample_remove': '移出监测企业',
  'monitoring.report_accept': '审核通过月报',
  'monitoring.report_return': '退回月报',
  'monitoring.remind': '催报提醒',
  'target.set': '设置目标',
  'listing.record': '登记上市进程',
  'listing.remove': '删除上市进程',
  'demo.seed': '写入演示数据',
  'bulletin.settings_update': '修改通报设置',
  'bulletin.publish': '发布定期通报',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];
export const isAuditAction = (code: string): code is AuditAction => Object.hasOwn(AUDIT_ACTION_LABELS, code);
/** An action's name; a code from an older release shows as 其他操作, never as the code. */
export const auditActionLabel = (code: string): string => (isAuditAction(code) ? AUDIT_ACTION_LABELS[code] : '其他操作');

/** The kinds of records an audit row is about. */
export const ENTITY_TYPE_LABELS: Record<string, string> = {
  user: '用户',
  cluster: '产业集群',
  calendar_year: '工作日历',
  enterprise: '企业',
  import: '导入',
  evaluation_run: '梯度评价',
  rule_set: '评价规则',
  expert: '专家',
  expert_visit: '专家服务记录',
  recognition_application: '认定申报',
  recognition_round: '申报批次',
  enterprise_title: '梯度称号',
  recognition_objection: '公示异议',
  monitoring_settings: '监测设置',
  monitoring_sample: '监测企业',
  monitoring_report: '运行监测月报',
  target: '目标',
  enterprise_listing: '上市进程',
  system: '系统',
};
export const entityTypeLabel = (code: string): string => ENTITY_TYPE_LABELS[code] ?? '其他';

export const LISTING_STATUS_LABELS: Record<string, string> = {
  unlisted: '未上市',
  preparing: '拟上市（辅导备案）',
  neeq: '新三板挂牌',
  bse: '北交所上市',
  main_board: '沪深主板上市',
  star: '科创板上市',
  gem: '创业板上市',
  overseas: '境外上市',
};
export const RD_INSTITUTION_LABELS: Record<string, string> = {
  none: '无',
  below_municipal: '市级以下',
  municipal: '市级',
  provincial: '省级',
  national: '国家级',
};
export const MAIN_PRODUCT_FIELD_LABELS: Record<string, string> = {
  strategic_emerging: '属于战略性新兴产业',
  key_chain: '关键领域补短板、锻长板、填空白',
  six_basics: '工业“六基”、老字号或链主配套',
  other: '其他',
};
export const CLUSTER_CATEGORY_LABELS: Record<string, string> = {
  leading: '主导产业集群（万亿级）',
  pillar: '支柱产业集群（五千亿级）',
  featured: '特色优势产业集群（千亿级）',
  rising: '“新星”产业集群（百亿级）',
};
export const TITLE_STATUS_LABELS: Record<string, string> = { valid: '有效', under_review: '复核中', expired: '已过期', revoked: '已撤销' };

/** Names of the codes a change may hold (districts, industries, clusters, users), looked up by the caller. */
export interface NameLookup {
  district(code: string): string | undefined;
  industry(code: string): string | undefined;
  cluster(code: string): string | undefined;
}

type Kind =
  | 'text'
  | 'money'
  | 'count'
  | 'number'
  | 'percent'
  | 'date'
  | 'time'
  | 'boolean'
  | 'district'
  | 'industry'
  | 'cluster'
  | 'hidden'
  | Record<string, string>;
interface FieldDef {
  label: string;
  kind: Kind;
}
const f = (label: string, kind: Kind = 'text'): FieldDef => ({ label, kind });

/** The fields of an enterprise, its facts (facts.*) and what an import row records. */
export const ENTERPRISE_FIELD_LABELS: Record<string, FieldDef> = {
  uscc: f('统一社会信用代码'),
  name: f('企业名称'),
  districtCode: f('所属区县', 'district'),
  zoneCode: f('功能区', 'district'),
  industryCode: f('所属行业', 'industry'),
  sector: f('行业门类', SECTOR_LABELS),
  clusterCode: f('产业集群', 'cluster'),
  establishedOn: f('成立日期', 'date'),
  registeredCapital: f('注册资本（万元）', 'money'),
  legalRepresentative: f('法定代表人'),
  address: f('注册地址'),
  mainProduct: f('主导产品'),
  nicheMarket: f('细分市场'),
  nicheEntryYear: f('进入细分市场年份', 'number'),
  listingStatus: f('上市情况', LISTING_STATUS_LABELS),
  contactName: f('联系人'),
  contactPhone: f('联系电话'),
  usccOverrideReason: f('信用代码校验说明'),
  sizeClass: f('企业规模', SIZE_CLASS_LABELS),
  latestYear: f('最新年度', 'number'),
  latestRevenue: f('最新年度营业收入（万元）', 'money'),
  currentTier: f('梯度称号', TIER_LABELS),
  file: f('导入文件'),
  'facts.ip.classI': f('Ⅰ类知识产权（项）', 'count'),
  'facts.ip.classIHighValue': f('其中高价值Ⅰ类知识产权（项）', 'count'),
  'facts.ip.classISelfDeveloped': f('其中自主研发Ⅰ类知识产权（项）', 'count'),
  'facts.ip.classII': f('Ⅱ类知识产权（项）', 'count'),
  'facts.rdInstitution': f('研发机构', RD_INSTITUTION_LABELS),
  'facts.awards': f('科技奖励（项）', 'count'),
  'facts.makerContest': f('“创客中国”大赛成绩'),
  'facts.digitalLevel': f('数字化水平（级）', 'count'),
  'facts.quality.provincialAward': f('省级以上质量奖', 'boolean'),
  'facts.quality.managementCertified': f('管理体系认证', 'boolean'),
  'facts.quality.ownBrand': f('自主品牌', 'boolean'),
  'facts.quality.standards': f('参与制修订标准', 'boolean'),
  'facts.nicheMarketShare': f('细分市场占有率（%）', 'percent'),
  'facts.domesticRank': f('国内排名', 'count'),
  'facts.mainProductField': f('主导产品所属领域', MAIN_PRODUCT_FIELD_LABELS),
  'facts.developmentScore': f('专精特新发展评价得分（分）', 'number'),
  'facts.featuredScore': f('特色化指标得分（分）', 'number'),
  // Bookkeeping of the row, not something a person changed.
  id: f('', 'hidden'),
  version: f('', 'hidden'),
  createdAt: f('', 'hidden'),
  updatedAt: f('', 'hidden'),
  searchText: f('', 'hidden'),
  searchVector: f('', 'hidden'),
};
// 上市进程: one entry per stage (listing.<stage>.reachedOn …), as record-enterprise-listing.ts audits it.
for (const [stage, name] of Object.entries(LISTING_STAGE_LABELS)) {
  ENTERPRISE_FIELD_LABELS[`listing.${stage}.reachedOn`] = f(`上市进程：${name}日期`, 'date');
  ENTERPRISE_FIELD_LABELS[`listing.${stage}.market`] = f(`上市进程：${name}市场`);
  ENTERPRISE_FIELD_LABELS[`listing.${stage}.note`] = f(`上市进程：${name}备注`);
}
for (const [id, q] of Object.entries(REVIEW_QUESTIONS)) {
  ENTERPRISE_FIELD_LABELS[`facts.reviewerAnswers.${id}`] = f(`人工审核：${q.name}`, { true: '符合', false: '不符合' });
}

/** A title as a title-list import records it. */
const TITLE_FIELD_LABELS: Record<string, FieldDef> = {
  tier: f('梯度称号', TIER_LABELS),
  batch: f('批次'),
  recognisedOn: f('认定日期', 'date'),
  validUntil: f('有效期至', 'date'),
  status: f('称号状态', TITLE_STATUS_LABELS),
  file: f('导入文件'),
};

const USER_FIELD_LABELS: Record<string, FieldDef> = {
  username: f('用户名'),
  displayName: f('姓名'),
  role: f('角色', ROLE_LABELS),
  districtCode: f('所属区县', 'district'),
  enterpriseId: f('', 'hidden'),
  organization: f('所属单位'),
  email: f('电子邮箱'),
  mobile: f('手机号码'),
  disabled: f('已停用', 'boolean'),
  lockedUntil: f('锁定至', 'time'),
  lastLoginAt: f('', 'hidden'),
  mustChangePassword: f('须修改密码', 'boolean'),
  // What a failed login records (auth.login_failed, auth.locked) and how admin create made a user.
  failures: f('本网络地址失败次数', 'count'),
  accountFailures: f('账号失败次数（所有地址）', 'count'),
  lock: f('锁定范围', { address: '该网络地址', account: '整个账号' }),
  via: f('创建方式', { 'admin:create': '命令行创建' }),
  id: f('', 'hidden'),
  version: f('', 'hidden'),
  createdAt: f('', 'hidden'),
  updatedAt: f('', 'hidden'),
};

const CLUSTER_FIELD_LABELS: Record<string, FieldDef> = {
  code: f('集群代码'),
  name: f('集群名称'),
  category: f('集群类别', CLUSTER_CATEGORY_LABELS),
  sortOrder: f('排序', 'number'),
  active: f('启用', 'boolean'),
  note: f('说明'),
  version: f('', 'hidden'),
  createdAt: f('', 'hidden'),
  updatedAt: f('', 'hidden'),
};
/** A target (目标考核) as its audit rows record it (set-target.ts). */
const TARGET_FIELD_LABELS: Record<string, FieldDef> = {
  unitCode: f('单位', 'district'),
  indicator: f('指标', Object.fromEntries(Object.entries(TARGET_INDICATORS).map(([k, d]) => [k, d.label]))),
  measure: f('口径', TARGET_MEASURE_LABELS),
  year: f('目标年度'),
  baselineOn: f('基期', 'date'),
  value: f('目标值（家）', 'count'),
  documentNo: f('文号'),
  source: f('来源', { published: '文件公布', split: '按市级目标分解', manual: '手工设置' }),
  note: f('说明'),
};
/** A year of the working-day calendar as its audit rows record it. */
const CALENDAR_YEAR_FIELD_LABELS: Record<string, FieldDef> = {
  year: f('年度'),
  source: f('通知文号'),
  offDays: f('放假日'),
  workDays: f('调休上班日'),
};

const RUN_FIELD_LABELS: Record<string, FieldDef> = {
  assessmentDate: f('评价日期', 'date'),
  total: f('企业数（家）', 'count'),
  enterpriseId: f('', 'hidden'),
};

const IMPORT_FIELD_LABELS: Record<string, FieldDef> = {
  file: f('导入文件'),
  created: f('新增（家）', 'count'),
  updated: f('更新（家）', 'count'),
  unchanged: f('未变化（家）', 'count'),
};

const SEED_FIELD_LABELS: Record<string, FieldDef> = {
  enterprises: f('企业（家）', 'count'),
  years: f('年度数据（条）', 'count'),
  titles: f('梯度称号（条）', 'count'),
  honours: f('资质荣誉（条）', 'count'),
  users: f('演示账号（个）', 'count'),
};

const FIELDS_BY_ENTITY: Record<string, Record<string, FieldDef>> = {
  enterprise: ENTERPRISE_FIELD_LABELS,
  user: USER_FIELD_LABELS,
  cluster: CLUSTER_FIELD_LABELS,
  calendar_year: CALENDAR_YEAR_FIELD_LABELS,
  target: TARGET_FIELD_LABELS,
  evaluation_run: RUN_FIELD_LABELS,
  import: IMPORT_FIELD_LABELS,
  system: SEED_FIELD_LABELS,
};

/** One changed field as people read it: its name with the unit, and both values formatted. */
export interface Change {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

const EMPTY = '—';
const dateText = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : EMPTY);
const timeText = (v: unknown) => {
  if (typeof v !== 'string' && !(v instanceof Date)) return EMPTY;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return EMPTY;
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
};

/** A value as people read it. */
export function formatValue(kind: Kind, value: unknown, names: NameLookup): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof kind === 'object') return kind[String(value)] ?? String(value);
  switch (kind) {
    case 'money':
      return typeof value === 'number' ? wanText(value) : EMPTY;
    case 'count':
    case 'number':
      if (Array.isArray(value)) return String(value.length);
      return typeof value === 'number' ? value.toLocaleString('zh-CN', { maximumFractionDigits: 4 }) : String(value);
    case 'percent':
      return typeof value === 'number' ? `${value}%` : String(value);
    case 'date':
      return dateText(value);
    case 'time':
      return timeText(value);
    case 'boolean':
      return value === true ? '是' : value === false ? '否' : EMPTY;
    case 'district':
      return names.district(String(value)) ?? String(value);
    case 'industry': {
      const name = names.industry(String(value));
      return name ? `${value} ${name}` : String(value);
    }
    case 'cluster':
      return names.cluster(String(value)) ?? String(value);
    default:
      if (typeof value === 'object') return makerContestText(value) ?? EMPTY;
      return String(value);
  }
}

function makerContestText(value: object): string | undefined {
  const v = value as { level?: string; result?: string; rank?: number; year?: number };
  if (!v.level) return undefined;
  const level = v.level === 'national' ? '全国' : '省级';
  return `${v.year ?? ''} 年${level}${v.result ?? (v.rank ? `第 ${v.rank} 名` : '')}`;
}

/** Objects flattened to dotted paths (arrays and the objects in TERMINAL stay whole). */
const TERMINAL = new Set(['facts.makerContest', 'facts.awards', 'years']);
function flatten(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${k}` : k;
      if (TERMINAL.has(path) || !v || typeof v !== 'object' || Array.isArray(v)) out[path] = v;
      else flatten(v, path, out);
    }
  }
  return out;
}

const YEAR_UNIT = (field: YearField) => (field === 'employees' || field === 'rdStaff' ? '（人）' : '（万元）');

/** The yearly figures a change records: one row per year and figure, or the years alone. */
function yearChanges(years: unknown): Change[] {
  if (!Array.isArray(years) || !years.length) return [];
  if (years.every((y) => typeof y === 'number')) {
    return [{ field: 'years', label: '年度指标', before: null, after: `${years.join('、')} 年` }];
  }
  const out: Change[] = [];
  for (const y of years as ({ year: number } & Record<string, unknown>)[]) {
    for (const field of YEAR_FIELDS) {
      if (y[field] === undefined) continue;
      const money = YEAR_UNIT(field) === '（万元）';
      const value = y[field];
      out.push({
        field: `years.${y.year}.${field}`,
        label: `${y.year} 年${YEAR_FIELD_LABELS[field]}${YEAR_UNIT(field)}`,
        before: null,
        after: value === null ? EMPTY : typeof value === 'number' ? (money ? wanText(value) : String(value)) : EMPTY,
      });
    }
  }
  return out;
}

/**
 * The fields an audit row changed, in people's words: before and after of each field that differs
 * (a creation shows its values as "after"). `parameter` names rule-set parameters (rule_set rows).
 */
export function describeChanges(
  entityType: string,
  action: string,
  before: unknown,
  after: unknown,
  names: NameLookup,
  parameter?: { label(path: string): string; format(path: string, value: unknown): string },
): Change[] {
  if (entityType === 'rule_set' && parameter) return ruleSetChanges(before, after, parameter);
  const fields = action === 'enterprise.titles_import' ? TITLE_FIELD_LABELS : (FIELDS_BY_ENTITY[entityType] ?? {});
  const a = flatten(after);
  const b = flatten(before);
  const out: Change[] = [];
  for (const path of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (path === 'years') continue;
    if (JSON.stringify(b[path]) === JSON.stringify(a[path])) continue;
    const def = fields[path];
    if (def?.kind === 'hidden') continue;
    const kind = def?.kind ?? 'text';
    out.push({
      field: path,
      label: def?.label ?? '其他信息',
      before: path in b ? formatValue(kind, b[path], names) : null,
      after: path in a ? formatValue(kind, a[path], names) : null,
    });
  }
  out.push(...yearChanges(a.years));
  return out;
}

function ruleSetChanges(
  before: unknown,
  after: unknown,
  parameter: { label(path: string): string; format(path: string, value: unknown): string },
): Change[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const { values = {}, note } = (after ?? {}) as { values?: Record<string, unknown>; note?: string };
  const out: Change[] = [];
  for (const [path, value] of Object.entries(values)) {
    if (JSON.stringify(b[path]) === JSON.stringify(value)) continue;
    out.push({
      field: path,
      label: parameter.label(path),
      // No earlier correction: the value it replaces is the shipped one.
      before: parameter.format(path, b[path]),
      after: parameter.format(path, value),
    });
  }
  if (note) out.push({ field: 'note', label: '修正说明', before: null, after: note });
  return out;
}

/** The forms of an expert's visit or advice (专家服务记录). */
export const VISIT_FORMS = ['onsite', 'online', 'phone'] as const;
export type VisitForm = (typeof VISIT_FORMS)[number];
export const VISIT_FORM_LABELS: Record<VisitForm, string> = { onsite: '现场', online: '线上', phone: '电话' };
