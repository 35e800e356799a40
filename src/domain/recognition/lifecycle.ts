// The recognition lifecycle (认定与动态管理) as data: the statuses of an application, the actions
// that move it and who may take them, the reasons an officer gives, the categories of revocation and
// the bans they carry, and the validity of a title. Pure: no I/O. Use cases check a transition here
// before they write it, so a refused action leaves the application exactly as it was.
import type { Role } from '../roles.js';

export const RECOGNITION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'district_approved',
  'district_rejected',
  'expert_review',
  'city_approved',
  'city_rejected',
  'in_publicity',
  'recognised',
  'not_recognised',
  'withdrawn',
] as const;
export type RecognitionStatus = (typeof RECOGNITION_STATUSES)[number];

export const RECOGNITION_STATUS_LABELS: Record<RecognitionStatus, string> = {
  draft: '草稿',
  submitted: '待区县初审',
  returned: '已退回企业',
  district_approved: '初审通过',
  district_rejected: '初审不通过',
  expert_review: '专家评审中',
  city_approved: '复审通过',
  city_rejected: '复审不通过',
  in_publicity: '公示中',
  recognised: '已认定',
  not_recognised: '未认定',
  withdrawn: '已撤回',
};

/** The actions of POST /api/recognition/applications/:id/actions. */
export const RECOGNITION_ACTIONS = [
  'submit',
  'return',
  'district_approve',
  'district_reject',
  'city_approve',
  'city_reject',
  'return_to_district',
  'withdraw',
] as const;
export type RecognitionAction = (typeof RECOGNITION_ACTIONS)[number];

/**
 * Every history entry's action: the officer and enterprise actions above, and the steps of the
 * round that move items (experts drawn, 公示, objections, 公告, MIIT's list).
 */
export type RecognitionHistoryAction =
  | 'create'
  | RecognitionAction
  | 'experts_assigned'
  | 'experts_scored'
  | 'publicity'
  | 'objection'
  | 'objection_upheld'
  | 'objection_dismissed'
  | 'announce'
  | 'recommend'
  | 'national_result';

export const RECOGNITION_HISTORY_LABELS: Record<RecognitionHistoryAction, string> = {
  create: '创建申报',
  submit: '提交申报',
  return: '退回企业',
  district_approve: '区县初审通过',
  district_reject: '区县初审不通过',
  city_approve: '市级复审通过',
  city_reject: '市级复审不通过',
  return_to_district: '退回区县',
  withdraw: '企业撤回',
  experts_assigned: '抽取评审专家',
  experts_scored: '专家评审完成',
  publicity: '进入公示',
  objection: '收到异议',
  objection_upheld: '异议成立',
  objection_dismissed: '异议不成立',
  announce: '公告认定',
  recommend: '推荐至工业和信息化部',
  national_result: '登记工业和信息化部认定结果',
};

interface Transition {
  from: readonly RecognitionStatus[];
  to: RecognitionStatus;
  roles: readonly Role[];
  /** The action needs a reason (a return: the code list and text). */
  reason?: 'required';
}

/**
 * Who may do what from where. District actions: the enterprise's district officer or the city;
 * city actions: the city only; submit and withdraw: the enterprise itself. `return_to_district`
 * puts the item back in the district's queue (submitted) with the city's reason.
 */
export const TRANSITIONS: Record<RecognitionAction, Transition> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['enterprise'] },
  withdraw: { from: ['draft', 'submitted', 'returned'], to: 'withdrawn', roles: ['enterprise'] },
  return: { from: ['submitted'], to: 'returned', roles: ['district_admin', 'city_admin'], reason: 'required' },
  district_approve: { from: ['submitted'], to: 'district_approved', roles: ['district_admin', 'city_admin'] },
  district_reject: { from: ['submitted'], to: 'district_rejected', roles: ['district_admin', 'city_admin'], reason: 'required' },
  city_approve: { from: ['district_approved', 'expert_review'], to: 'city_approved', roles: ['city_admin'] },
  city_reject: { from: ['district_approved', 'expert_review'], to: 'city_rejected', roles: ['city_admin'], reason: 'required' },
  return_to_district: { from: ['district_approved', 'expert_review'], to: 'submitted', roles: ['city_admin'], reason: 'required' },
};

/** Whether `action` may be taken on an application in `status` (the role is checked apart, with the scope). */
export function canTransition(action: RecognitionAction, status: RecognitionStatus): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** Statuses in which the enterprise may still change its form. */
export const EDITABLE_STATUSES: readonly RecognitionStatus[] = ['draft', 'returned'];

/** Statuses from which nothing moves any more. */
export const FINAL_STATUSES: readonly RecognitionStatus[] = [
  'district_rejected',
  'city_rejected',
  'recognised',
  'not_recognised',
  'withdrawn',
];

/** 退回原因: the code list of a return (capabilities.md §1.3), each with free text beside it. */
export const RETURN_REASONS = {
  incomplete: '材料不全',
  inconsistent: '数据不一致',
  ineligible: '不符合条件',
  weak_evidence: '佐证不足',
  other: '其他',
} as const;
export type ReturnReasonCode = keyof typeof RETURN_REASONS;

/**
 * 撤销/取消 categories (criteria.md §5c, capabilities.md §1.1 row 16): those with `banYears` bar
 * new applications from the revocation date; `bansAllTiers` (数据造假, 117号) bars all three tiers,
 * the others the revoked tier and above.
 */
export const REVOCATION_CATEGORIES = {
  major_incident: { label: '发生重大安全（含网络安全、数据安全）、质量、环境污染等事故', banYears: 3, bansAllTiers: false },
  serious_dishonesty: { label: '被列入严重失信主体名单', banYears: 3, bansAllTiers: false },
  tax_violation: { label: '偷税漏税等违法违规行为', banYears: 3, bansAllTiers: false },
  data_falsification: { label: '提供虚假材料、数据造假', banYears: 3, bansAllTiers: true },
  moved_out: { label: '迁出重庆市', banYears: 0, bansAllTiers: false },
  no_longer_sme: { label: '不再符合中小企业划型标准', banYears: 0, bansAllTiers: false },
  other: { label: '其他', banYears: 0, bansAllTiers: false },
} as const;
export type RevocationCategory = keyof typeof REVOCATION_CATEGORIES;

export const ROUND_TYPE_LABELS = { new: '新申报', review: '复核' } as const;

/** 专家评审: how the final score is made from the experts' scores. */
export const SCORE_METHOD_LABELS = { mean: '平均分', median: '中位数' } as const;

export const OBJECTION_CHANNEL_LABELS = { phone: '实名来电', visit: '来访', written: '书面' } as const;
export const OBJECTION_STATUS_LABELS = { open: '待核查', upheld: '成立', dismissed: '不成立' } as const;
/** An application's objection state: 'open' while any objection waits for a finding, else 'upheld' if one was upheld, else 'dismissed' if any, else 'none'. */
export const OBJECTION_STATES = ['none', 'open', 'upheld', 'dismissed'] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];

/** District checklist items (初审核查). */
export const CHECKLIST_ITEMS = {
  creditChina: '已查询“信用中国”',
  abnormalOperation: '已核查经营异常名录',
  seriousDishonesty: '已核查严重失信主体名单',
  onsiteCheck: '已完成实地抽查',
} as const;
export type ChecklistItem = keyof typeof CHECKLIST_ITEMS;

/** Validity of a title (all three tiers): from the announcement for 3 years, to the same date 3 years later minus one day. */
export function titleValidUntil(recognisedOn: string): string {
  const [y, m, d] = recognisedOn.split('-').map(Number) as [number, number, number];
  // 29 February + 3 years falls on 1 March; the day before is 28 February.
  const end = new Date(Date.UTC(y + 3, m - 1, d));
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/**
 * When a ban ends: a revocation on `revokedOn` bars applications until the same date `years` later
 * (API: details.until); applications are refused while today is before it.
 */
export function banUntil(revokedOn: string, years: number): string {
  const [y, m, d] = revokedOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February + 3 years: 28 February.
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0);
  return end.toISOString().slice(0, 10);
}
