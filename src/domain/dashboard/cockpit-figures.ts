import { TIER_LABELS } from '../enterprise-rules.js';
import { HONOUR_KIND_LABELS } from '../honours.js';
import { LISTING_STAGE_LABELS } from '../listing-stages.js';

// The figures the cockpit breaks down (by district, industry, cluster, tier): each is a set of
// enterprises named by filters of the enterprise list (GET /api/enterprises), so that the group
// counts and the lists behind them (rowsUrl) read the same definition. Keys and labels as in
// GET /api/dashboard.

export const BREAKDOWN_FIGURE_KEYS = [
  'enterprises.total',
  'titles.innovative',
  'titles.srdi',
  'titles.little_giant',
  'honours.tech_sme',
  'honours.high_tech',
  'honours.digital_workshop',
  'honours.smart_factory',
  'honours.green_factory',
  'honours.single_champion',
  'listings.listed',
] as const;
export type BreakdownFigureKey = (typeof BREAKDOWN_FIGURE_KEYS)[number];

const honour = (kind: keyof typeof HONOUR_KIND_LABELS) => ({ label: `有效期内${HONOUR_KIND_LABELS[kind]}`, filter: { honour: kind } });

export const BREAKDOWN_FIGURES: Record<BreakdownFigureKey, { label: string; filter: Record<string, string> }> = {
  'enterprises.total': { label: '在库企业', filter: {} },
  'titles.innovative': { label: `有效期内${TIER_LABELS.innovative}`, filter: { title: 'innovative' } },
  'titles.srdi': { label: `有效期内${TIER_LABELS.srdi}`, filter: { title: 'srdi' } },
  'titles.little_giant': { label: `有效期内${TIER_LABELS.little_giant}`, filter: { title: 'little_giant' } },
  'honours.tech_sme': honour('tech_sme'),
  'honours.high_tech': honour('high_tech'),
  'honours.digital_workshop': { label: `有${HONOUR_KIND_LABELS.digital_workshop}的企业`, filter: { honour: 'digital_workshop' } },
  'honours.smart_factory': { label: `有${HONOUR_KIND_LABELS.smart_factory}的企业`, filter: { honour: 'smart_factory' } },
  'honours.green_factory': { label: `有${HONOUR_KIND_LABELS.green_factory}的企业`, filter: { honour: 'green_factory' } },
  'honours.single_champion': { label: `${HONOUR_KIND_LABELS.single_champion}企业`, filter: { honour: 'single_champion' } },
  'listings.listed': { label: `${LISTING_STAGE_LABELS.listed}企业`, filter: { listingStage: 'listed' } },
};

export const BREAKDOWN_DIMENSIONS = ['district', 'industry', 'cluster', 'tier'] as const;
export type BreakdownDimensionKey = (typeof BREAKDOWN_DIMENSIONS)[number];

export const BREAKDOWN_DIMENSION_LABELS: Record<BreakdownDimensionKey, string> = {
  district: '区县',
  industry: '行业门类',
  cluster: '“33618”产业集群',
  tier: '梯度层级',
};

/** The rows of the tier breakdown: the highest title held (the registry's current tier), then none. */
export const TIER_ROWS = [
  { key: 'little_giant', label: TIER_LABELS.little_giant },
  { key: 'srdi', label: TIER_LABELS.srdi },
  { key: 'innovative', label: TIER_LABELS.innovative },
  { key: 'none', label: '暂无梯度称号' },
] as const;
