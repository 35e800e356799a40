import { describe, expect, it } from 'vitest';
import { MONITORING_DEFAULTS, mergeSettings, monitoringSettingsSchema } from './settings.js';

describe('monitoring settings', () => {
  it('has the defaults of capabilities.md §2.3', () => {
    expect(MONITORING_DEFAULTS).toEqual({
      dueDay: 10,
      dueMode: 'calendar',
      reminderDaysBefore: 3,
      monthTolerance: 1000,
      yoyLimit: 50,
      momLimit: 100,
      marginMin: -50,
      marginMax: 60,
      rdShareMove: 5,
      rdMonths: [3, 6, 9, 12],
      smallMicroShareMin: 80,
    });
    expect(monitoringSettingsSchema.safeParse(MONITORING_DEFAULTS).success).toBe(true);
  });

  it('refuses values out of range with the setting’s Chinese name', () => {
    const bad = (over: Record<string, unknown>) => {
      const r = monitoringSettingsSchema.safeParse({ ...MONITORING_DEFAULTS, ...over });
      return r.success ? null : r.error.issues.map((i) => i.message).join('；');
    };
    expect(bad({ dueDay: 0 })).toContain('报送截止日不能小于 1');
    expect(bad({ dueDay: 29 })).toContain('报送截止日不能大于 28');
    expect(bad({ dueMode: 'working', dueDay: 21 })).toContain('次月第 1～20 个工作日');
    expect(bad({ marginMin: 60 })).toContain('利润率下限应小于上限');
    expect(bad({ rdMonths: [3, 3] })).toContain('不能重复');
    expect(bad({ rdMonths: [13] })).toContain('月份不能大于 12');
    expect(bad({ unknown: 1 })).not.toBeNull();
    expect(bad({ yoyLimit: 'x' })).toContain('累计同比提示阈值（%）应为数字');
  });

  it('merges a stored row over the defaults, falling back when it is invalid', () => {
    expect(mergeSettings({ yoyLimit: 30, rdMonths: [12, 6] })).toEqual({ ...MONITORING_DEFAULTS, yoyLimit: 30, rdMonths: [6, 12] });
    expect(mergeSettings(null)).toEqual(MONITORING_DEFAULTS);
    expect(mergeSettings({ dueDay: 99 })).toEqual(MONITORING_DEFAULTS);
  });
});
