// Collects indicators, conditions and what is missing while a rule set runs, then decides the
// outcome: a failed hard condition wins over an open review question.
import { type AtLeastBand, readAtLeast, readAtMost } from './bands.js';
import type { Context } from './context.js';
import { percentOf } from './exact.js';
import type { CategoryResult, ConditionResult, IndicatorResult, MissingItem, Outcome, Tier, TierResult } from './types.js';

export class ResultBuilder {
  readonly indicators: IndicatorResult[] = [];
  readonly conditions: ConditionResult[] = [];
  readonly missing: MissingItem[] = [];

  constructor(
    readonly ctx: Context,
    readonly tier: Tier,
    readonly ruleSet: string,
  ) {}

  indicator(i: IndicatorResult): number {
    this.indicators.push(i);
    return i.points;
  }

  condition(id: string, name: string, met: boolean, detail: string, source: string): boolean {
    this.conditions.push({ id, name, status: met ? 'met' : 'not_met', detail, source });
    return met;
  }

  /** A condition a person decides; answered through reviewerAnswers[id]. */
  review(id: string, name: string, question: string, source: string): boolean | null {
    const answer = this.ctx.input.enterprise.reviewerAnswers[id];
    if (answer === undefined) {
      this.conditions.push({ id, name, status: 'needs_review', detail: '需人工审核', source, question });
      return null;
    }
    this.conditions.push({
      id,
      name,
      status: answer ? 'met' : 'not_met',
      detail: answer ? '审核认定：符合' : '审核认定：不符合',
      source,
      question,
    });
    return answer;
  }

  need(id: string, message: string): void {
    this.missing.push({ id, message });
  }

  /** Sums of the indicators of each category. */
  categories(defs: { id: string; name: string; max: number; minimum?: number }[]): CategoryResult[] {
    return defs.map((d) => ({ ...d, score: this.indicators.filter((i) => i.category === d.id).reduce((s, i) => s + i.points, 0) }));
  }

  finish(score: number | null, categories: CategoryResult[]): TierResult {
    const failed = this.conditions.some((c) => c.status === 'not_met');
    const open = this.conditions.some((c) => c.status === 'needs_review');
    const outcome: Outcome = failed ? 'not_qualified' : open ? 'needs_review' : 'qualified';
    return {
      tier: this.tier,
      ruleSet: this.ruleSet,
      outcome,
      score,
      categories,
      indicators: this.indicators,
      conditions: this.conditions,
      missing: outcome === 'qualified' ? [] : this.missing,
    };
  }
}

/** The SME test of 300号 applies to every tier (criteria.md §5a). */
export function smeCondition(b: ResultBuilder): boolean {
  const large = b.ctx.sizeClass === 'large';
  if (!b.ctx.y0) {
    b.condition('sme', '属于中小企业', false, `缺少 ${b.ctx.priorYear} 年度数据，无法判断企业规模`, '工信部联企业〔2011〕300号');
    b.need('sme', `请填写 ${b.ctx.priorYear} 年度营业收入、从业人员和资产总额`);
    return false;
  }
  return b.condition(
    'sme',
    '属于中小企业',
    !large,
    large ? '按《中小企业划型标准规定》为大型企业' : '符合中小企业划型标准',
    '工信部联企业〔2011〕300号',
  );
}

/** The figures of the last `count` complete years must be there; otherwise a failed condition and what to fill in. */
export function requireYears(b: ResultBuilder, count: 2 | 3, source: string): boolean {
  const { y0, y1, y2, priorYear } = b.ctx;
  if (y0 && y1 && (count === 2 || y2)) return true;
  const range = `${priorYear - count + 1}–${priorYear}`;
  b.condition('years', count === 3 ? '近三年财务数据' : '近两年财务数据', false, `缺少 ${range} 年度数据`, source);
  b.need('years', `请填写 ${range} 年度数据`);
  return false;
}

/** The 专精特新发展评价 score of the national platform (2026 rules), at least `minimum`. */
export function developmentScoreCondition(b: ResultBuilder, minimum: number, source: string): void {
  const score = b.ctx.input.enterprise.developmentScore;
  b.condition(
    'developmentScore',
    `专精特新发展评价得分不低于 ${minimum} 分`,
    score !== null && score >= minimum,
    score === null ? '未提供平台评价得分' : `${score} 分`,
    source,
  );
  if (score === null) b.need('developmentScore', '请填写国家平台的专精特新发展评价得分');
  else if (score < minimum) b.need('developmentScore', `发展评价得分还差 ${minimum - score} 分`);
}

/**
 * An indicator read from a ratio against bands: its points, and what the next band would take.
 * Without the figures (`ratio` undefined) it scores 0 and asks for the year's data.
 */
export function bandIndicator(
  b: ResultBuilder,
  d: {
    id: string;
    name: string;
    category: string;
    max: number;
    source: string;
    ratio: [numerator: number, denominator: number] | undefined | false;
    bands: AtLeastBand[];
    lowerIsBetter?: boolean;
    need?: ((next: AtLeastBand) => string) | undefined | false;
    missingYear?: number;
  },
): number {
  const { id, name, category, max, source } = d;
  if (!d.ratio) {
    b.indicator({ id, name, category, value: null, band: '缺少数据', points: 0, max, source });
    b.need(id, `请填写 ${d.missingYear ?? b.ctx.priorYear} 年度数据`);
    return 0;
  }
  const [numerator, denominator] = d.ratio;
  const r = d.lowerIsBetter ? readAtMost(numerator, denominator, d.bands) : readAtLeast(numerator, denominator, d.bands);
  b.indicator({ id, name, category, value: percentOf(numerator, denominator), band: r.band, points: r.points, max, source });
  if (r.next && d.need) b.need(id, d.need(r.next));
  return r.points;
}
