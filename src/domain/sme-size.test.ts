import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifySize, SECTORS, type Sector, type SizeClass, sectorOfIndustry, sizeMetricsOf } from './sme-size.js';

const WAN = 10_000;
const f = (employees: number, revenueWan: number, assetsWan = 0) => ({
  employees,
  revenue: revenueWan * WAN,
  totalAssets: assetsWan * WAN,
});

// Each row: sector, employees, revenue (万元), assets (万元), expected. Both sides of every edge.
const TABLE: [Sector, number, number, number, SizeClass][] = [
  // 工业: SME below 1000 people or 40000万; medium ≥300 and ≥2000万; small ≥20 and ≥300万.
  ['industry', 1000, 40000, 0, 'large'],
  ['industry', 999, 40000, 0, 'medium'],
  ['industry', 1000, 39999.9999, 0, 'medium'],
  ['industry', 300, 2000, 0, 'medium'],
  ['industry', 299, 2000, 0, 'small'],
  ['industry', 300, 1999.9999, 0, 'small'],
  ['industry', 20, 300, 0, 'small'],
  ['industry', 19, 300, 0, 'micro'],
  ['industry', 20, 299.9999, 0, 'micro'],
  ['industry', 5000, 100, 0, 'micro'],
  // 农林牧渔: revenue only.
  ['agriculture', 0, 20000, 0, 'large'],
  ['agriculture', 0, 19999.9999, 0, 'medium'],
  ['agriculture', 0, 500, 0, 'medium'],
  ['agriculture', 0, 499.9999, 0, 'small'],
  ['agriculture', 0, 50, 0, 'small'],
  ['agriculture', 0, 49.9999, 0, 'micro'],
  // 建筑业: revenue and assets.
  ['construction', 0, 80000, 80000, 'large'],
  ['construction', 0, 80000, 79999.9999, 'medium'],
  ['construction', 0, 6000, 5000, 'medium'],
  ['construction', 0, 6000, 4999.9999, 'small'],
  ['construction', 0, 300, 300, 'small'],
  ['construction', 0, 300, 299.9999, 'micro'],
  // 批发业
  ['wholesale', 200, 40000, 0, 'large'],
  ['wholesale', 199, 40000, 0, 'medium'],
  ['wholesale', 20, 5000, 0, 'medium'],
  ['wholesale', 19, 5000, 0, 'small'],
  ['wholesale', 5, 1000, 0, 'small'],
  ['wholesale', 4, 1000, 0, 'micro'],
  // 零售业
  ['retail', 300, 20000, 0, 'large'],
  ['retail', 50, 500, 0, 'medium'],
  ['retail', 10, 100, 0, 'small'],
  ['retail', 10, 99.9999, 0, 'micro'],
  // 交通运输业
  ['transport', 1000, 30000, 0, 'large'],
  ['transport', 300, 3000, 0, 'medium'],
  ['transport', 20, 200, 0, 'small'],
  ['transport', 19, 200, 0, 'micro'],
  // 仓储业
  ['warehousing', 200, 30000, 0, 'large'],
  ['warehousing', 100, 1000, 0, 'medium'],
  ['warehousing', 20, 100, 0, 'small'],
  ['warehousing', 20, 99, 0, 'micro'],
  // 邮政业
  ['postal', 1000, 30000, 0, 'large'],
  ['postal', 300, 2000, 0, 'medium'],
  ['postal', 20, 100, 0, 'small'],
  ['postal', 19, 100, 0, 'micro'],
  // 住宿业 / 餐饮业
  ['accommodation', 300, 10000, 0, 'large'],
  ['accommodation', 100, 2000, 0, 'medium'],
  ['accommodation', 10, 100, 0, 'small'],
  ['accommodation', 9, 100, 0, 'micro'],
  ['catering', 300, 10000, 0, 'large'],
  ['catering', 100, 1999, 0, 'small'],
  ['catering', 10, 100, 0, 'small'],
  ['catering', 10, 99, 0, 'micro'],
  // 信息传输业
  ['information_transmission', 2000, 100000, 0, 'large'],
  ['information_transmission', 1999, 100000, 0, 'medium'],
  ['information_transmission', 100, 1000, 0, 'medium'],
  ['information_transmission', 10, 100, 0, 'small'],
  ['information_transmission', 9, 100, 0, 'micro'],
  // 软件和信息技术服务业
  ['software_it', 300, 10000, 0, 'large'],
  ['software_it', 100, 1000, 0, 'medium'],
  ['software_it', 10, 50, 0, 'small'],
  ['software_it', 10, 49.9999, 0, 'micro'],
  // 房地产开发经营: revenue and assets.
  ['real_estate', 0, 200000, 10000, 'large'],
  ['real_estate', 0, 200000, 9999.9999, 'medium'],
  ['real_estate', 0, 1000, 5000, 'medium'],
  ['real_estate', 0, 100, 2000, 'small'],
  ['real_estate', 0, 100, 1999.9999, 'micro'],
  // 物业管理
  ['property_management', 1000, 5000, 0, 'large'],
  ['property_management', 300, 1000, 0, 'medium'],
  ['property_management', 100, 500, 0, 'small'],
  ['property_management', 99, 500, 0, 'micro'],
  // 租赁和商务服务业: employees and assets.
  ['leasing_business', 300, 0, 120000, 'large'],
  ['leasing_business', 299, 0, 120000, 'medium'],
  ['leasing_business', 100, 0, 8000, 'medium'],
  ['leasing_business', 10, 0, 100, 'small'],
  ['leasing_business', 10, 0, 99.9999, 'micro'],
  // 其他未列明行业: employees only.
  ['other', 300, 0, 0, 'large'],
  ['other', 299, 0, 0, 'medium'],
  ['other', 100, 0, 0, 'medium'],
  ['other', 99, 0, 0, 'small'],
  ['other', 10, 0, 0, 'small'],
  ['other', 9, 0, 0, 'micro'],
];

describe('SME size classification (300号)', () => {
  it.each(TABLE)('%s with %i people, %d 万元 revenue, %d 万元 assets → %s', (sector, employees, revenue, assets, expected) => {
    const facts = { employees, revenue: Math.round(revenue * WAN), totalAssets: Math.round(assets * WAN) };
    expect(classifySize(sector, facts)).toBe(expected);
  });

  it('never makes a firm smaller when it grows (property)', () => {
    const order: SizeClass[] = ['micro', 'small', 'medium', 'large'];
    fc.assert(
      fc.property(
        fc.constantFrom(...SECTORS),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 3_000_000_000 }),
        fc.integer({ min: 0, max: 3_000_000_000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500_000_000 }),
        (sector, employees, revenue, assets, moreEmployees, moreMoney) => {
          const before = classifySize(sector, { employees, revenue, totalAssets: assets });
          const after = classifySize(sector, {
            employees: employees + moreEmployees,
            revenue: revenue + moreMoney,
            totalAssets: assets + moreMoney,
          });
          return order.indexOf(after) >= order.indexOf(before);
        },
      ),
    );
  });

  it('keeps the demo-sized manufacturer an SME', () => {
    expect(classifySize('industry', f(210, 8600))).toBe('small');
  });
});

describe('figures each rule needs', () => {
  it.each([
    ['industry', ['employees', 'revenue']],
    ['construction', ['revenue', 'totalAssets']],
    ['agriculture', ['revenue']],
    ['leasing_business', ['employees', 'totalAssets']],
    ['other', ['employees']],
  ] as const)('%s → %o', (sector, metrics) => {
    expect(sizeMetricsOf(sector).sort()).toEqual([...metrics].sort());
  });
});

describe('sector of an industry division', () => {
  it.each([
    ['01', 'agriculture'],
    ['06', 'industry'],
    ['13', 'industry'],
    ['39', 'industry'],
    ['46', 'industry'],
    ['47', 'construction'],
    ['51', 'wholesale'],
    ['52', 'retail'],
    ['54', 'transport'],
    ['59', 'warehousing'],
    ['60', 'postal'],
    ['61', 'accommodation'],
    ['62', 'catering'],
    ['64', 'information_transmission'],
    ['65', 'software_it'],
    ['70', 'real_estate'],
    ['72', 'leasing_business'],
    ['73', 'other'],
    ['97', 'other'],
  ] as const)('%s → %s', (code, sector) => {
    expect(sectorOfIndustry(code)).toBe(sector);
  });
});
