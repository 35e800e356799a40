import { TIER_LABELS, type Tier } from '../../domain/enterprise-rules.js';
import { SIZE_CLASS_LABELS, type SizeClass } from '../../domain/sme-size.js';

// Labels of the sample lists (监测企业): what a person reads for each code.

export const SAMPLE_SOURCE_LABELS = { title: '持有梯度培育称号', added: '区县增补' } as const;

export const sampleSourceOf = (tier: string | null): 'title' | 'added' => (tier ? 'title' : 'added');

export const sampleTierLabel = (tier: string | null): string => (tier ? (TIER_LABELS[tier as Tier] ?? '其他') : '其他监测中小企业');

export const sampleSizeLabel = (size: string | null): string => (size ? (SIZE_CLASS_LABELS[size as SizeClass] ?? '未划型') : '未划型');
