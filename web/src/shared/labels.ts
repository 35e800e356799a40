/** Labels of codes the API returns (official terms, glossary.md). */
export { LISTING_STATUS_LABELS as LISTING_LABELS, RD_INSTITUTION_LABELS } from '../../../src/domain/labels';

export const TIER_LABELS: Record<string, string> = {
  innovative: '创新型中小企业',
  srdi: '专精特新中小企业',
  little_giant: '专精特新“小巨人”企业',
};
/** Tiers always in this order: 创新型 → 专精特新 → 小巨人. */
export const TIER_ORDER = ['innovative', 'srdi', 'little_giant'] as const;
export const tierOrder = (a: { tier: string }, b: { tier: string }) =>
  TIER_ORDER.indexOf(a.tier as (typeof TIER_ORDER)[number]) - TIER_ORDER.indexOf(b.tier as (typeof TIER_ORDER)[number]);
export const TIER_COLORS: Record<string, string> = { innovative: 'blue', srdi: 'geekblue', little_giant: 'gold' };
export const SIZE_LABELS: Record<string, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };
export const TITLE_STATUS: Record<string, string> = { valid: '有效', expired: '已过期', revoked: '已撤销' };
/** The quality items of the 2022 SRDI table, in the order of the forms. */
export const QUALITY_LABELS = {
  managementCertified: '管理体系认证',
  ownBrand: '自主品牌',
  standards: '参与制修订标准',
  provincialAward: '省级以上质量奖',
} as const;
export const QUALITY_ITEMS = Object.keys(QUALITY_LABELS) as (keyof typeof QUALITY_LABELS)[];

/** A label map as Select options. */
export const optionsOf = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
