import { describe, expect, it } from 'vitest';
import { qualificationsOn } from './qualifications.js';

const none = { highTech: false, techSme: false, innovativeSme: false, srdiSme: false };

describe('qualificationsOn', () => {
  it('gives nothing without titles or honours', () => {
    expect(qualificationsOn('2026-06-01', [], [])).toEqual(none);
  });

  it('takes a higher tier for the lower ones: 小巨人 is 专精特新 and 创新型', () => {
    expect(qualificationsOn('2026-06-01', [{ tier: 'little_giant', status: 'valid', validUntil: null }], [])).toEqual({
      ...none,
      innovativeSme: true,
      srdiSme: true,
    });
    expect(qualificationsOn('2026-06-01', [{ tier: 'innovative', status: 'valid', validUntil: '2027-01-01' }], [])).toEqual({
      ...none,
      innovativeSme: true,
    });
  });

  it('counts a title or honour valid on the date only (its last day included), never a revoked one', () => {
    const title = (validUntil: string | null, status = 'valid') => [{ tier: 'srdi', status, validUntil }];
    expect(qualificationsOn('2026-06-01', title('2026-06-01'), []).srdiSme).toBe(true);
    expect(qualificationsOn('2026-06-02', title('2026-06-01'), []).srdiSme).toBe(false);
    expect(qualificationsOn('2026-06-01', title(null, 'revoked'), []).srdiSme).toBe(false);
  });

  it('reads 高新技术企业 and 科技型中小企业 from the honours', () => {
    const honours = [
      { kind: 'high_tech', validUntil: '2026-12-31' },
      { kind: 'tech_sme', validUntil: '2025-12-31' },
    ];
    expect(qualificationsOn('2026-06-01', [], honours)).toEqual({ ...none, highTech: true });
  });
});
