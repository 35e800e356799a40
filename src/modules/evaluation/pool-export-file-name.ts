import { TIER_LABELS } from '../../domain/enterprise-rules.js';

const TIERS: Record<string, string> = TIER_LABELS;

/** The export's file name as people read it: 后备库-专精特新中小企业-2026-05-01.xlsx. */
export function poolExportFileName(tier: string, date: string): string {
  return `后备库-${TIERS[tier] ?? '全部'}-${date}.xlsx`;
}
