import { describe, expect, it } from 'vitest';
import {
  combineScores,
  drawExperts,
  flagScores,
  hasFeaturedBlock,
  mayReview,
  type PoolExpert,
  reviewQuestionsOf,
  shuffle,
} from './expert-review.js';

const expert = (
  id: string,
  industryCode: string,
  sectionCode: string | null,
  districtCodes: string[] = [],
  conflicts: string[] = [],
): PoolExpert => ({
  id,
  industryCode,
  sectionCode,
  districtCodes,
  conflicts: new Set(conflicts),
});
const target = { enterpriseId: 'e1', districtCodes: ['500153', '500190'], industryCode: '39', sectionCode: 'C' };
/** A deterministic random source (always 0): the draw order is then fixed, which the rules must not depend on. */
const first = () => 0;

describe('专家评审 rules', () => {
  it('excludes a conflicted expert and one serving the district or the zone', () => {
    expect(mayReview(expert('a', '39', 'C'), target)).toBe(true);
    expect(mayReview(expert('b', '39', 'C', [], ['e1']), target)).toBe(false);
    expect(mayReview(expert('c', '39', 'C', ['500153']), target)).toBe(false);
    expect(mayReview(expert('d', '39', 'C', ['500190']), target)).toBe(false);
    expect(mayReview(expert('e', '39', 'C', ['500101'], ['e2']), target)).toBe(true);
  });

  it('draws the same 大类 first, then the same 门类, never another 门类; fewer than wanted is a shortfall', () => {
    const pool = [expert('x1', '39', 'C'), expert('x2', '36', 'C'), expert('x3', '65', 'I'), expert('x4', '39', 'C', ['500153'])];
    expect(drawExperts(pool, target, 1, first).map((e) => e.id)).toEqual(['x1']);
    expect(drawExperts(pool, target, 2, first).map((e) => e.id)).toEqual(['x1', 'x2']);
    expect(drawExperts(pool, target, 3, first).map((e) => e.id)).toEqual(['x1', 'x2']);
    expect(drawExperts(pool, { ...target, industryCode: null, sectionCode: null }, 3, first)).toEqual([]);
  });

  it('shuffles with the random source it is given: a permutation, different sources different orders', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(shuffle(items, first).sort((a, b) => a - b)).toEqual(items);
    const last = (n: number) => n - 1;
    expect(shuffle(items, last)).toEqual(items);
    expect(shuffle(items, first)).not.toEqual(items);
  });

  it('combines by mean or median, rounded; flags a score further than the margin from the others’ mean', () => {
    expect(combineScores([80, 80, 50], 'mean')).toBe(70);
    expect(combineScores([80, 80, 50], 'median')).toBe(80);
    expect(combineScores([60, 90, 61, 70], 'median')).toBe(66);
    expect(combineScores([71, 72], 'mean')).toBe(72);
    expect(combineScores([], 'mean')).toBeNull();
    expect(flagScores([80, 80, 50], 15)).toEqual([false, false, true]);
    expect(flagScores([80, 65], 15)).toEqual([false, false]);
    expect(flagScores([80, 64], 15)).toEqual([true, true]);
    expect(flagScores([80], 0)).toEqual([false]);
  });

  it('takes the questions from the frozen evaluation and knows where the 特色化 block is', () => {
    const evaluation = {
      conditions: [
        { id: 'a', name: '甲', status: 'met', question: '已答？' },
        { id: 'b', name: '乙', status: 'needs_review', question: '是否？' },
        { id: 'c', name: '丙', status: 'needs_review' },
      ],
    };
    expect(reviewQuestionsOf(evaluation)).toEqual([{ id: 'b', name: '乙', question: '是否？' }]);
    expect(reviewQuestionsOf(null)).toEqual([]);
    expect(hasFeaturedBlock('srdi-2022')).toBe(true);
    expect(hasFeaturedBlock('srdi-2022@v2')).toBe(true);
    expect(hasFeaturedBlock('srdi-2026')).toBe(false);
    expect(hasFeaturedBlock('custom', { categories: [{ id: 'featured' }] })).toBe(true);
  });
});
