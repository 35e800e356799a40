// 目标考核 (issue 12): the indicators a target can be set on, and where each one's progress comes
// from. Progress is always computed from the registry and recognition, never typed.

export const TARGET_INDICATOR_KEYS = [
  'innovative',
  'srdi',
  'little_giant',
  'tech_sme',
  'high_tech',
  'listed',
  'digital_workshop',
  'smart_factory',
  'green_factory',
] as const;
export type TargetIndicator = (typeof TARGET_INDICATOR_KEYS)[number];

export const TARGET_MEASURES = ['stock', 'new'] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];
export const TARGET_MEASURE_LABELS: Record<TargetMeasure, string> = { stock: '总量', new: '新增' };

/** What counts: a title tier (valid at the day), an honour kind of the registry, or the listing stage 上市. */
export type IndicatorSource =
  | { kind: 'title'; tier: 'innovative' | 'srdi' | 'little_giant' }
  | { kind: 'honour'; honour: string }
  | { kind: 'listing' };

export interface IndicatorDef {
  label: string;
  unit: '家';
  measures: TargetMeasure[];
  source: IndicatorSource;
}

export const TARGET_INDICATORS: Record<TargetIndicator, IndicatorDef> = {
  innovative: { label: '创新型中小企业', unit: '家', measures: ['stock', 'new'], source: { kind: 'title', tier: 'innovative' } },
  srdi: { label: '专精特新中小企业', unit: '家', measures: ['stock', 'new'], source: { kind: 'title', tier: 'srdi' } },
  little_giant: { label: '专精特新“小巨人”企业', unit: '家', measures: ['stock', 'new'], source: { kind: 'title', tier: 'little_giant' } },
  tech_sme: { label: '科技型企业', unit: '家', measures: ['stock', 'new'], source: { kind: 'honour', honour: 'tech_sme' } },
  high_tech: { label: '高新技术企业', unit: '家', measures: ['stock', 'new'], source: { kind: 'honour', honour: 'high_tech' } },
  listed: { label: '上市企业', unit: '家', measures: ['stock', 'new'], source: { kind: 'listing' } },
  digital_workshop: { label: '数字化车间', unit: '家', measures: ['stock', 'new'], source: { kind: 'honour', honour: 'digital_workshop' } },
  smart_factory: { label: '智能工厂', unit: '家', measures: ['stock', 'new'], source: { kind: 'honour', honour: 'smart_factory' } },
  green_factory: { label: '绿色工厂', unit: '家', measures: ['stock', 'new'], source: { kind: 'honour', honour: 'green_factory' } },
};

export const isTargetIndicator = (key: string): key is TargetIndicator => Object.hasOwn(TARGET_INDICATORS, key);

/** The indicator's name with the measure when it is a 新增 count (新增上市企业). */
export function indicatorLabel(indicator: string, measure: string): string {
  const def = isTargetIndicator(indicator) ? TARGET_INDICATORS[indicator] : undefined;
  const label = def?.label ?? '其他指标';
  return measure === 'new' ? `新增${label}` : label;
}
