import { MONITORING_TIER_LABELS, MONITORING_TIERS, type MonitoringTier } from '../../domain/monitoring/figures.js';
import { SIZE_CLASS_LABELS, type SizeClass } from '../../domain/sme-size.js';
import type { AppContext } from '../../server/context.js';
import { referenceNames } from '../reference/reference-names.js';
import type { AggregateDim } from './aggregates.repo.js';

const EMPTY_LABELS: Record<AggregateDim, string> = {
  all: '全部监测中小企业',
  tier: '其他监测中小企业',
  district: '未填写区县',
  industry: '未填写行业',
  section: '未填写行业',
  cluster: '未纳入产业集群',
  size: '未填写规模',
};
const SIZE_ORDER = ['medium', 'small', 'micro', 'large', ''];

/** The label of a tier key (little_giant, srdi, innovative, none). */
export const tierLabel = (tier: string): string => MONITORING_TIER_LABELS[tier as MonitoringTier] ?? MONITORING_TIER_LABELS.none;

/**
 * Chinese labels for the groups of a dim (tiers, sizes from the label tables; districts, industries,
 * sections and clusters by name from the reference tables) and their display order.
 */
export async function groupLabeller(ctx: AppContext, dim: AggregateDim) {
  const names = dim === 'district' || dim === 'industry' || dim === 'section' || dim === 'cluster' ? await referenceNames(ctx) : null;
  const label = (key: string): string => {
    if (dim === 'all') return EMPTY_LABELS.all;
    if (key === '') return EMPTY_LABELS[dim];
    switch (dim) {
      case 'tier':
        return tierLabel(key);
      case 'size':
        return SIZE_CLASS_LABELS[key as SizeClass] ?? EMPTY_LABELS.size;
      case 'district':
        return names?.district(key) ?? '其他区县';
      case 'industry':
      case 'section':
        return names?.industry(key) ?? '其他行业';
      case 'cluster':
        return names?.cluster(key) ?? '其他产业集群';
    }
  };
  /** Sort order: tiers from 小巨人 down, sizes from 中型 down, other codes ascending with the unknown last. */
  const compare = (a: string, b: string): number => {
    if (dim === 'tier') return MONITORING_TIERS.indexOf(a as MonitoringTier) - MONITORING_TIERS.indexOf(b as MonitoringTier);
    if (dim === 'size') return SIZE_ORDER.indexOf(a) - SIZE_ORDER.indexOf(b);
    if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  /** Keys always shown, even without reports (the four tiers). */
  const fixedKeys: string[] = dim === 'tier' ? [...MONITORING_TIERS] : [];
  return { label, compare, fixedKeys };
}
