// 申报批次: the phase a round is in, its default name, the certificate numbers of its titles, and the
// precheck of who may apply (the opening message and the enterprise's list of rounds; the full
// eligibility check runs at submission). Pure: no I/O.
import { TIER_LABELS, TIERS, type Tier } from '../enterprise-rules.js';
import { ROUND_TYPE_LABELS } from './lifecycle.js';

export const ROUND_PHASES = ['scheduled', 'open', 'reviewing', 'publicity', 'announced', 'recommended', 'closed'] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];
export const ROUND_PHASE_LABELS: Record<RoundPhase, string> = {
  scheduled: '未开始',
  open: '申报中',
  reviewing: '评审中',
  publicity: '公示中',
  announced: '已公告',
  recommended: '已推荐',
  closed: '已结束',
};

export interface RoundDates {
  opensOn: string;
  closesOn: string;
  publicityStartsOn: string | null;
  announcedOn: string | null;
  recommendedOn: string | null;
  closedOn: string | null;
}

/** Where a round stands on `today`: its recorded steps first, then its window. */
export function roundPhase(r: RoundDates, today: string): RoundPhase {
  if (r.closedOn) return 'closed';
  if (r.announcedOn) return 'announced';
  if (r.recommendedOn) return 'recommended';
  if (r.publicityStartsOn) return 'publicity';
  if (today < r.opensOn) return 'scheduled';
  if (today <= r.closesOn) return 'open';
  return 'reviewing';
}

/** "2026年专精特新中小企业复核" — the name a round gets when the city gives none. */
export function defaultRoundName(year: number, tier: Tier, type: 'new' | 'review'): string {
  return `${year}年${TIER_LABELS[tier]}${type === 'review' ? '复核' : ROUND_TYPE_LABELS.new}`;
}

/** Certificate prefix per tier: CQ-CXX-2026- (创新型), CQ-ZJTX-2026- (专精特新), CQ-XJR-2026- (小巨人). */
const CERTIFICATE_CODES: Record<Tier, string> = { innovative: 'CXX', srdi: 'ZJTX', little_giant: 'XJR' };
export function certificatePrefix(tier: Tier, announcedOn: string): string {
  return `CQ-${CERTIFICATE_CODES[tier]}-${announcedOn.slice(0, 4)}-`;
}

/** The rule sets that may judge a tier (ids of src/domain/evaluation/rule-set-names.ts, optionally "@vN"). */
const RULE_SET_TIERS: Record<string, Tier> = {
  'innovative-2022': 'innovative',
  'bottom-2026': 'innovative',
  'srdi-2022': 'srdi',
  'srdi-2026': 'srdi',
  'little-giant-2018': 'little_giant',
  'little-giant-2022': 'little_giant',
  'little-giant-2026': 'little_giant',
};
export function ruleSetFitsTier(ruleSet: string, tier: Tier): boolean {
  const m = /^([a-z0-9-]+)(?:@v([1-9]\d{0,3}))?$/.exec(ruleSet);
  return m !== null && RULE_SET_TIERS[m[1]] === tier;
}

/** The tier an applicant must hold (and keep valid) to apply for `tier`; null for the bottom tier. */
export function tierBelow(tier: Tier): Tier | null {
  const i = TIERS.indexOf(tier);
  return i > 0 ? TIERS[i - 1] : null;
}

export interface PrecheckEnterprise {
  sizeClass: string | null;
  /** Titles held now (valid or under review, validity not over). */
  heldTiers: Tier[];
  /** For a 复核 round: whether it holds a title of the tier whose validity ends in the round year. */
  inReviewCohort: boolean;
  ban: { until: string; categoryLabel: string } | null;
}

/** The precheck for one enterprise and round, with the reasons in Chinese when it may not apply. */
export function precheckEligibility(round: { tier: Tier; type: 'new' | 'review'; year: number }, e: PrecheckEnterprise) {
  const reasons: string[] = [];
  if (e.ban) reasons.push(`本企业因“${e.ban.categoryLabel}”被撤销称号，${e.ban.until} 前不得申报`);
  if (e.sizeClass === null) reasons.push('企业库中没有本企业的年度经营数据，无法判定企业规模：请先完善年度信息');
  else if (e.sizeClass === 'large') reasons.push('按《中小企业划型标准规定》本企业为大型企业，不属于中小企业，不能申报');
  if (round.type === 'review') {
    if (!e.inReviewCohort) reasons.push(`本企业没有在 ${round.year} 年到期的有效${TIER_LABELS[round.tier]}称号，不在本次复核范围内`);
  } else {
    const below = tierBelow(round.tier);
    if (below && !e.heldTiers.includes(below) && !e.heldTiers.some((t) => TIERS.indexOf(t) > TIERS.indexOf(below)))
      reasons.push(`申报${TIER_LABELS[round.tier]}须持有有效的${TIER_LABELS[below]}称号`);
    // The same sentence as the submission's check (eligibility.ts): the highest tier held.
    const higherOrSame = TIERS.filter((t) => TIERS.indexOf(t) >= TIERS.indexOf(round.tier) && e.heldTiers.includes(t));
    if (higherOrSame.length)
      reasons.push(`本企业已持有有效的${TIER_LABELS[higherOrSame[higherOrSame.length - 1]]}称号，不能重复申报${TIER_LABELS[round.tier]}`);
  }
  return { eligible: reasons.length === 0, reasons };
}

/** The calendar day `n` days after (or before, n < 0) an ISO day. */
export function addCalendarDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
