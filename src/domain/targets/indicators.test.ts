import { describe, expect, it } from 'vitest';
import { indicatorLabel, isTargetIndicator, TARGET_INDICATOR_KEYS, TARGET_INDICATORS } from './indicators.js';

describe('target indicators', () => {
  it('lists the nine indicators of the plans, each with a Chinese name counted in 家', () => {
    expect(TARGET_INDICATOR_KEYS).toHaveLength(9);
    for (const key of TARGET_INDICATOR_KEYS) {
      expect(TARGET_INDICATORS[key].label).toMatch(/[\u4e00-\u9fa5]/);
      expect(TARGET_INDICATORS[key].unit).toBe('家');
    }
    expect(TARGET_INDICATORS.little_giant.label).toBe('专精特新“小巨人”企业');
  });
  it('names a 新增 count, and knows its keys', () => {
    expect(indicatorLabel('listed', 'new')).toBe('新增上市企业');
    expect(indicatorLabel('srdi', 'stock')).toBe('专精特新中小企业');
    expect(isTargetIndicator('srdi')).toBe(true);
    expect(isTargetIndicator('toString')).toBe(false);
  });
});
