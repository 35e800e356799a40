import { describe, expect, it } from 'vitest';
import { characterPairs, normaliseForSearch, searchTextOf } from './name-search.js';

describe('name search pairs', () => {
  it('indexes every adjacent pair of a Chinese name', () => {
    expect(searchTextOf('重庆西山科技')).toBe('重庆 庆西 西山 山科 科技');
  });
  it('finds a query whose pairs are all in the name', () => {
    const indexed = new Set(characterPairs('重庆西山科技股份有限公司'));
    for (const q of ['西山', '西山科技', '山科', '有限公司']) {
      expect(
        characterPairs(q).every((p) => indexed.has(p)),
        q,
      ).toBe(true);
    }
    expect(characterPairs('东山').every((p) => indexed.has(p))).toBe(false);
  });
  it('folds full-width letters, case and punctuation', () => {
    expect(normaliseForSearch('ＡＢＢ（重庆）有限公司')).toBe('abb重庆有限公司');
    expect(characterPairs('A')).toEqual(['a']);
    expect(characterPairs('')).toEqual([]);
  });
});
