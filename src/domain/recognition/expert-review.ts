// 专家评审 (双随机) as pure rules: who may be drawn for an application, the draw itself (the random
// source is passed in: crypto in the app), and how the experts' scores make the final score and its
// flags. No I/O.

/** An expert of the pool as the draw sees it. */
export interface PoolExpert {
  id: string;
  /** 国民经济行业分类 大类 (two digits). */
  industryCode: string;
  /** The 门类 (A–T) of that 大类, from the industries reference. */
  sectionCode: string | null;
  /** 区县 and functional zones the expert serves. */
  districtCodes: readonly string[];
  /** Enterprises the expert declared a conflict of interest with. */
  conflicts: ReadonlySet<string>;
}

/** The application an expert is drawn for. */
export interface DrawTarget {
  enterpriseId: string;
  /** The enterprise's 区县 and, if any, its functional zone: an expert serving either is never drawn. */
  districtCodes: readonly string[];
  industryCode: string | null;
  sectionCode: string | null;
}

/** A uniform integer in [0, n): crypto.randomInt in the app. */
export type RandomInt = (n: number) => number;

/** Whether the expert may review the application at all: no declared conflict, not serving its district. */
export function mayReview(expert: PoolExpert, target: DrawTarget): boolean {
  if (expert.conflicts.has(target.enterpriseId)) return false;
  return !target.districtCodes.some((d) => expert.districtCodes.includes(d));
}

/** Fisher–Yates with the given random source: every order equally likely. */
export function shuffle<T>(items: readonly T[], randomInt: RandomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Draws up to `wanted` experts at random for one application: first among those of the same 大类,
 * then (if too few) among the others of the same 门类; never one who may not review it. Fewer than
 * wanted means a shortfall the caller reports; experts of another 门类 are never drawn.
 */
export function drawExperts<T extends PoolExpert>(pool: readonly T[], target: DrawTarget, wanted: number, randomInt: RandomInt): T[] {
  if (!target.industryCode || wanted <= 0) return [];
  const eligible = pool.filter((e) => mayReview(e, target));
  const sameDivision = eligible.filter((e) => e.industryCode === target.industryCode);
  const sameSection = target.sectionCode
    ? eligible.filter((e) => e.industryCode !== target.industryCode && e.sectionCode === target.sectionCode)
    : [];
  const drawn = shuffle(sameDivision, randomInt).slice(0, wanted);
  if (drawn.length < wanted) drawn.push(...shuffle(sameSection, randomInt).slice(0, wanted - drawn.length));
  return drawn;
}

export type ScoreMethod = 'mean' | 'median';

/** The final score of the experts' scores: their mean or median, rounded to a whole point. */
export function combineScores(scores: readonly number[], method: ScoreMethod): number | null {
  if (!scores.length) return null;
  if (method === 'median') {
    const sorted = [...scores].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    return Math.round(median);
  }
  return Math.round(scores.reduce((s, x) => s + x, 0) / scores.length);
}

/**
 * Which scores differ too far from the others: |score − mean of the others| > margin. With a
 * single score there are no others and nothing is flagged.
 */
export function flagScores(scores: readonly number[], margin: number): boolean[] {
  const total = scores.reduce((s, x) => s + x, 0);
  return scores.map((score) => {
    if (scores.length < 2) return false;
    const othersMean = (total - score) / (scores.length - 1);
    return Math.abs(score - othersMean) > margin;
  });
}

/** A question the rules leave to a person, as the frozen evaluation carries it. */
export interface ReviewQuestion {
  id: string;
  name: string;
  question: string;
}

interface FrozenEvaluation {
  conditions?: { id: string; name: string; status: string; question?: string }[];
  categories?: { id: string }[];
}

/** The questions the experts answer: the `needs_review` conditions of the evaluation frozen at submission. */
export function reviewQuestionsOf(evaluation: unknown): ReviewQuestion[] {
  const conditions = (evaluation as FrozenEvaluation | null)?.conditions ?? [];
  return conditions
    .filter((c) => c.status === 'needs_review' && typeof c.question === 'string')
    .map((c) => ({ id: c.id, name: c.name, question: c.question as string }));
}

/** Rule sets with Chongqing's 15-point 特色化 block, which the experts assess. */
export const RULE_SETS_WITH_FEATURED_BLOCK: readonly string[] = ['srdi-2022'];

/** Whether the experts score the 特色化 block: the rule set has one (any version of it). */
export function hasFeaturedBlock(ruleSet: string, evaluation?: unknown): boolean {
  if (RULE_SETS_WITH_FEATURED_BLOCK.includes(ruleSet.split('@v')[0])) return true;
  return ((evaluation as FrozenEvaluation | null)?.categories ?? []).some((c) => c.id === 'featured');
}
