import { describe, expect, it } from 'vitest';
import { registryDiff } from '../../web/src/modules/recognition/registry-diff.js';

const names = {
  district: (c: string) => ({ '500153': '荣昌区' })[c],
  industry: (c: string) => ({ '34': '通用设备制造业' })[c],
  cluster: () => undefined,
};

const frozen = {
  name: '重庆某机械有限公司',
  uscc: '91500153MA5U000001',
  districtCode: '500153',
  industryCode: '34',
  sizeClass: 'small',
  nicheEntryYear: 2016,
  facts: { ip: { classI: 2 }, quality: { ownBrand: true } },
  years: [{ year: 2025, revenue: 52_000_000, employees: 120, netProfit: null }],
  titles: [{ id: 't1', tier: 'innovative', status: 'valid', validUntil: '2027-06-30' }],
};

describe('the frozen registry data beside the current one (初审 side by side)', () => {
  it('formats both sides as people read them and marks only the fields that differ', () => {
    const current = {
      ...frozen,
      facts: { ip: { classI: 3 }, quality: { ownBrand: true } },
      years: [{ year: 2025, revenue: 48_000_000, employees: 120 }],
    };
    const rows = registryDiff(frozen, current, names);
    const row = (key: string) => rows.find((r) => r.key === key);
    expect(row('districtCode')).toMatchObject({ label: '所属区县', frozen: '荣昌区', current: '荣昌区', changed: false });
    expect(row('industryCode')).toMatchObject({ frozen: '34 通用设备制造业', changed: false });
    expect(row('facts.ip.classI')).toMatchObject({ label: 'Ⅰ类知识产权（项）', frozen: '2', current: '3', changed: true });
    expect(row('years.2025.revenue')).toMatchObject({
      section: '2025 年经营情况',
      label: '营业收入（万元）',
      frozen: '5,200.00',
      current: '4,800.00',
      changed: true,
    });
    expect(row('years.2025.employees')).toMatchObject({ label: '从业人员（人）', changed: false });
    // A year is written as a year, not as a number with separators.
    expect(row('nicheEntryYear')).toMatchObject({ frozen: '2016', current: '2016' });
    // Empty on both sides: no row.
    expect(row('years.2025.netProfit')).toBeUndefined();
    expect(rows.filter((r) => r.changed).map((r) => r.key)).toEqual(['facts.ip.classI', 'years.2025.revenue']);
    expect(row('titles')).toMatchObject({ frozen: '创新型中小企业（有效，有效期至 2027-06-30）', changed: false });
  });

  it('shows a year or a title that only one side has as a difference', () => {
    const current = {
      ...frozen,
      years: [...frozen.years, { year: 2026, revenue: 10_000 }],
      titles: [{ id: 't1', tier: 'innovative', status: 'revoked', validUntil: '2027-06-30' }],
    };
    const rows = registryDiff(frozen, current, names);
    expect(rows.find((r) => r.key === 'years.2026.revenue')).toMatchObject({ frozen: '—', current: '1.00', changed: true });
    expect(rows.find((r) => r.key === 'titles')).toMatchObject({ current: '创新型中小企业（已撤销，有效期至 2027-06-30）', changed: true });
    expect(registryDiff(frozen, null, names).find((r) => r.key === 'name')).toMatchObject({ current: '—', changed: true });
  });
});
