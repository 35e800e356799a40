import { TIER_LABELS, type Tier } from '../../domain/enterprise-rules.js';
import { SIZE_CLASS_LABELS, type SizeClass } from '../../domain/sme-size.js';

// Labels of the sample lists (监测企业): what a person reads for each code.

export const SAMPLE_SOURCE_LABELS = { title: '持有梯度培育称号', added: '区县增补' } as const;

export const sampleSourceOf = (tier: string | null): 'title' | 'added' => (tier ? 'title' : 'added');

export const sampleTierLabel = (tier: string | null): string => (tier ? (TIER_LABELS[tier as Tier] ?? '其他') : '其他监测中小企业');

export const sampleSizeLabel = (size: string | null): string => (size ? (SIZE_CLASS_LABELS[size as SizeClass] ?? '未划型') : '未划型');

/** A row of a sample list as the API answers it (the sample and the removed list share it). */
export function presentSampleRow(r: {
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  districtName: string | null;
  sizeClass: string | null;
  tier: string | null;
  reason: string | null;
  changedAt: Date | null;
}) {
  const source = sampleSourceOf(r.tier);
  return {
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    uscc: r.uscc,
    districtName: r.districtName ?? '',
    sizeClass: r.sizeClass,
    sizeLabel: sampleSizeLabel(r.sizeClass),
    tier: r.tier,
    tierLabel: sampleTierLabel(r.tier),
    source,
    sourceLabel: SAMPLE_SOURCE_LABELS[source],
    reason: r.reason,
    changedAt: r.changedAt,
  };
}
