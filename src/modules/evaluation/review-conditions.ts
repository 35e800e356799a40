// The review questions (人工审核事项) among a stored result's conditions.
import { isReviewQuestion, REVIEW_QUESTIONS, type ReviewQuestionId } from '../../domain/evaluation/reviews.js';

/** "待人工审核：细分市场地位" when a result waits for a person's answer: the pool says what to do next. */
export function openQuestionsOf(explanation: unknown): string[] {
  const open = reviewConditionsOf(explanation).filter(([, status]) => status === 'needs_review');
  return open.length ? [`待人工审核：${open.map(([id]) => REVIEW_QUESTIONS[id].name).join('、')}`] : [];
}

/** The review questions among a stored result's conditions, with their status. */
export function reviewConditionsOf(explanation: unknown): [ReviewQuestionId, string][] {
  const conditions = (explanation as { conditions?: [string, string][] }).conditions ?? [];
  return conditions.filter((c): c is [ReviewQuestionId, string] => isReviewQuestion(c[0]));
}
