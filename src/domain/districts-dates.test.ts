import { describe, expect, it } from 'vitest';
import { parseDate, todayInShanghai } from './dates.js';
import { buildDistrictMatcher } from './districts.js';

const matcher = buildDistrictMatcher([
  { code: '500153', name: '荣昌区', kind: 'district' },
  { code: '500155', name: '梁平区', kind: 'district' },
  { code: '500233', name: '忠县', kind: 'county' },
  { code: '500240', name: '石柱土家族自治县', kind: 'autonomous_county' },
  { code: '500112', name: '渝北区', kind: 'district' },
  { code: 'LJXQ', name: '两江新区', kind: 'zone' },
]);

describe('district names as offices write them', () => {
  it.each([
    ['荣昌区', '500153'],
    ['荣昌', '500153'],
    ['重庆市荣昌区', '500153'],
    [' 荣昌区 ', '500153'],
    ['500153', '500153'],
    ['荣昌县', '500153'],
    ['梁平县', '500155'],
    ['梁平', '500155'],
    ['忠县', '500233'],
    ['石柱县', '500240'],
    ['石柱土家族自治县', '500240'],
    ['两江新区', 'LJXQ'],
    ['ljxq', 'LJXQ'],
    ['重庆两江新区', 'LJXQ'],
  ])('%s → %s', (text, code) => {
    expect(matcher.match(text)).toBe(code);
  });

  it.each(['', '成都市', '荣', '500000'])('%s matches nothing', (text) => {
    expect(matcher.match(text)).toBeNull();
  });

  it('knows the zones', () => {
    expect(matcher.isZone('LJXQ')).toBe(true);
    expect(matcher.isZone('500112')).toBe(false);
  });
});

describe('dates in spreadsheets', () => {
  it.each([
    ['2012-06-18', '2012-06-18'],
    ['2012/6/18', '2012-06-18'],
    ['2012.6.18', '2012-06-18'],
    ['2012年6月18日', '2012-06-18'],
    ['20120618', '2012-06-18'],
    ['２０１２－０６－１８', '2012-06-18'],
    [41078, '2012-06-18'],
    ['41078', '2012-06-18'],
    [new Date(Date.UTC(2012, 5, 18)), '2012-06-18'],
    ['2023-02-29', null],
    ['2012-13-01', null],
    ['明天', null],
    [41078.5, null],
  ] as const)('%s → %s', (input, expected) => {
    expect(parseDate(input as string)).toBe(expected);
  });

  it('knows today in Shanghai', () => {
    expect(todayInShanghai(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
  });
});
