import { describe, expect, it } from 'vitest';
import { checkUscc, makeUscc, normalizeUscc, organizationCodeCheckChar, usccCheckChar } from './uscc.js';

// Vectors from shared/domain/criteria.md §8c.
describe('USCC check digit (GB 32100)', () => {
  it.each([
    ['914403001922038216', '华为技术有限公司'],
    ['91440300708461136T', '深圳市腾讯计算机系统有限公司'],
    ['91500000202869177Y', '重庆银行股份有限公司'],
    ['91110000600037341L', 'python-stdnum 示例'],
    ['91512081MA62K0260E', '问答页示例'],
  ])('accepts %s (%s)', (code) => {
    expect(checkUscc(code)).toBeNull();
  });

  it('rejects the worked example of the standard, whose check digit should be 3', () => {
    // Z is not even in the alphabet of the code; with 3 in position 18 the code is valid.
    expect(checkUscc('91350100M000100Y4Z')).toBe('format');
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(checkUscc('91350100M000100Y43')).toBeNull();
    expect(checkUscc('91350100M000100Y44')).toBe('check_digit');
  });

  it.each(['91350100M0001TGQXM', '91350211M0000XUF46', '91350203M0001FUE2P'])(
    'flags the real but non-conforming Fujian pilot code %s as a check-digit problem (overridable), not a format problem',
    (code) => {
      expect(checkUscc(code)).toBe('check_digit');
    },
  );

  it('allows a letter in position 1 (GB 32100), unlike python-stdnum', () => {
    const first17 = 'A1110000600037341';
    expect(checkUscc(first17 + usccCheckChar(first17))).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['91500000202869177', '17 characters'],
    ['91500000202869177YY', '19 characters'],
    ['9150000020286917IY', 'letter I'],
    ['91500000202869177O', 'letter O'],
    ['91A00000202869177Y', 'letter in the area code'],
    ['91500000202869177y', 'lower case'],
  ])('rejects the format of %s (%s)', (code) => {
    expect(checkUscc(code)).toBe('format');
  });

  it('normalises full-width characters, spaces and case', () => {
    expect(normalizeUscc(' ９１５０００００２０２８６９１７７ｙ ')).toBe('91500000202869177Y');
  });

  it('computes the GB 11714 check of the organisation code as in the valid vectors', () => {
    expect(organizationCodeCheckChar('20286917')).toBe('7');
    expect(organizationCodeCheckChar('19220382')).toBe('1');
  });

  it('makes valid Chongqing codes', () => {
    const code = makeUscc('500153', 'MA5U7K3P');
    expect(code).toMatch(/^91500153MA5U7K3P/);
    expect(checkUscc(code)).toBeNull();
  });
});
