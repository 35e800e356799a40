// Exact comparisons of products of whole numbers (criteria.md, Decision 3: no float at an edge).
// Amounts reach ~1e13 yuan, so a product can pass 2^53: then floats decide only when the two sides
// are clearly apart, and BigInt decides the rest. Fast for the common case, exact always.

const SAFE = Number.MAX_SAFE_INTEGER;

/** Sign of a·b − c·d: −1, 0 or 1. Arguments must be integers. */
export function compareProducts(a: number, b: number, c: number, d: number): number {
  const x = a * b;
  const y = c * d;
  if (x <= SAFE && x >= -SAFE && y <= SAFE && y >= -SAFE) return x === y ? 0 : x > y ? 1 : -1;
  return compareLargeProducts(a, b, c, d, x, y);
}

// Products past 2^53 are rare: their handling is a function of its own so that the common path
// stays small enough to be inlined where the bands are read.
function compareLargeProducts(a: number, b: number, c: number, d: number, x: number, y: number): number {
  const gap = x - y;
  if (Math.abs(gap) > Math.max(Math.abs(x), Math.abs(y)) * 1e-12) return gap > 0 ? 1 : -1;
  const big = BigInt(a) * BigInt(b) - BigInt(c) * BigInt(d);
  return big === 0n ? 0 : big > 0n ? 1 : -1;
}

/** numerator / denominator ≥ percent / 100, for a whole or two-decimal percent (e.g. 3, 12.5). */
export function ratioAtLeast(numerator: number, denominator: number, percent: number): boolean {
  if (denominator <= 0) return false;
  const p100 = Math.round(percent * 100); // 12.5% → 1250 / 10000
  return compareProducts(numerator, 10_000, denominator, p100) >= 0;
}

/** numerator / denominator ≤ percent / 100. */
export function ratioAtMost(numerator: number, denominator: number, percent: number): boolean {
  if (denominator <= 0) return false;
  const p100 = Math.round(percent * 100);
  return compareProducts(numerator, 10_000, denominator, p100) <= 0;
}

/** Growth (current − previous) / previous ≥ percent / 100. A zero or negative base cannot grow. */
export function growthAtLeast(current: number, previous: number, percent: number): boolean {
  if (previous <= 0) return false;
  return ratioAtLeast(current - previous, previous, percent);
}

/**
 * Mean of two yearly growth rates ≥ percent (the 2022 rules' 平均增长率):
 * ((m1−m0)/m0 + (m2−m1)/m1) / 2 ≥ p  ⇔  ((m1−m0)·m1 + (m2−m1)·m0) · 10000 ≥ 2·p·100 · m0·m1.
 */
export function meanGrowthAtLeast(m0: number, m1: number, m2: number, percent: number): boolean {
  if (m0 <= 0 || m1 <= 0) return false;
  const p100 = Math.round(percent * 100);
  // Doubles decide when the two sides are clearly apart; BigInt decides near the edge.
  const lhs = ((m1 - m0) * m1 + (m2 - m1) * m0) * 10_000;
  const rhs = 2 * p100 * m0 * m1;
  if (Math.abs(lhs - rhs) > Math.max(Math.abs(lhs), Math.abs(rhs)) * 1e-9) return lhs > rhs;
  return meanGrowthBig(m0, m1, m2, p100);
}

function meanGrowthBig(m0: number, m1: number, m2: number, p100: number): boolean {
  const big = BigInt(m1 - m0) * BigInt(m1) + BigInt(m2 - m1) * BigInt(m0);
  return big * 10_000n >= 2n * BigInt(p100) * BigInt(m0) * BigInt(m1);
}

/** Compound growth over two years ≥ percent (the 2026 rules' 复合增长率): m2/m0 ≥ (1+p)². */
export function compoundGrowthAtLeast(m0: number, m2: number, percent: number): boolean {
  if (m0 <= 0) return false;
  const p100 = Math.round(percent * 100);
  const lhs = m2 * 100_000_000;
  const rhs = (10_000 + p100) * (10_000 + p100) * m0;
  if (Math.abs(lhs - rhs) > Math.max(Math.abs(lhs), Math.abs(rhs)) * 1e-9) return lhs > rhs;
  return compoundGrowthBig(m0, m2, p100);
}

function compoundGrowthBig(m0: number, m2: number, p100: number): boolean {
  const base = 10_000n + BigInt(p100);
  return BigInt(m2) * 100_000_000n >= base * base * BigInt(m0);
}

/** Display only: a ratio in per cent with two decimals. */
export const percentOf = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 100 : null;
