// Who may submit an application (申报条件), checked at submission and explained in the rules' words:
// registered in Chongqing, an SME, the tier below held and valid (2026: 科技型中小企业 also opens
// 专精特新), no valid title of the tier already (新申报) / the expiring title of the tier and every
// annual update made (复核). The ban is checked apart (RECOGNITION_BANNED). Pure: no I/O.
import { TIER_LABELS, TIERS, type Tier } from '../enterprise-rules.js';
import { RULES_2026_FROM } from '../evaluation/evaluate.js';

export interface EligibilityTitle {
  id: string;
  tier: string;
  status: string;
  recognisedOn: string;
  validUntil: string | null;
}

export interface EligibilityFacts {
  /** The enterprise's district is one of Chongqing's (the reference list). */
  registeredInChongqing: boolean;
  sizeClass: string | null;
  titles: EligibilityTitle[];
  honours: { kind: string; validUntil: string | null }[];
}

export interface EligibilityRound {
  tier: Tier;
  type: 'new' | 'review';
  year: number;
  ruleSet: string;
}

/** Held on `today`: valid (or under 复核, which stays valid until the result) and not past its validity. */
export const heldOn = (t: { status: string; validUntil: string | null }, today: string) =>
  (t.status === 'valid' || t.status === 'under_review') && (t.validUntil === null || t.validUntil >= today);

/** Whether the round judges under the 2026 rules (2号): its rule set is one of 2026. */
export const under2026Rules = (round: EligibilityRound) => /-2026(@|$)/.test(round.ruleSet);

/** The title a 复核 application reviews: the tier's held title whose validity ends in the round year. */
export function expiringTitle(round: EligibilityRound, titles: EligibilityTitle[], today: string): EligibilityTitle | null {
  const found = titles
    .filter((t) => t.tier === round.tier && heldOn(t, today) && t.validUntil?.slice(0, 4) === String(round.year))
    .sort((a, b) => (a.recognisedOn < b.recognisedOn ? 1 : -1));
  return found[0] ?? null;
}

/**
 * The reasons an enterprise may not submit to the round (empty: eligible). For a 复核 round,
 * `annualUpdates` is the check of the expiring title's annual updates (its reasons are added).
 */
export function eligibilityReasons(
  round: EligibilityRound,
  e: EligibilityFacts,
  today: string,
  annualUpdates?: { ok: boolean; reasons: string[] },
): string[] {
  const reasons: string[] = [];
  if (!e.registeredInChongqing) reasons.push('本企业的注册地不在重庆市的区县：申报须为在重庆市登记注册的企业');
  if (e.sizeClass === null) reasons.push('企业库中没有本企业的年度经营数据，无法判定企业规模：请先完善年度信息');
  else if (e.sizeClass === 'large') reasons.push('按《中小企业划型标准规定》本企业为大型企业，不属于中小企业，不能申报');
  const held = (tier: string) => e.titles.some((t) => t.tier === tier && heldOn(t, today));
  const label = TIER_LABELS[round.tier];
  if (round.type === 'review') {
    if (!expiringTitle(round, e.titles, today)) reasons.push(`本企业没有在 ${round.year} 年到期的有效${label}称号，不在本次复核范围内`);
    else if (annualUpdates && !annualUpdates.ok) reasons.push(...annualUpdates.reasons);
    return reasons;
  }
  const rank = TIERS.indexOf(round.tier);
  const higherOrSame = TIERS.filter((_, i) => i >= rank).filter(held);
  if (higherOrSame.length) {
    reasons.push(`本企业已持有有效的${TIER_LABELS[higherOrSame[higherOrSame.length - 1]]}称号，不能重复申报${label}`);
    return reasons;
  }
  if (round.tier === 'srdi' && !held('innovative')) {
    const techSme = e.honours.some((h) => h.kind === 'tech_sme' && (h.validUntil === null || h.validUntil >= today));
    if (!under2026Rules(round)) reasons.push('申报专精特新中小企业须持有有效的创新型中小企业称号');
    else if (!techSme) reasons.push(`按 ${RULES_2026_FROM} 起施行的认定办法，申报专精特新中小企业须为有效的创新型中小企业或科技型中小企业`);
  }
  if (round.tier === 'little_giant' && !held('srdi')) reasons.push('申报专精特新“小巨人”企业须持有有效的专精特新中小企业称号');
  return reasons;
}
