import { todayInShanghai } from '../../domain/dates.js';
import { TIER_LABELS, type Tier } from '../../domain/enterprise-rules.js';
import { ruleSetName } from '../../domain/evaluation/rule-set-names.js';
import { ROUND_TYPE_LABELS, SCORE_METHOD_LABELS } from '../../domain/recognition/lifecycle.js';
import { ROUND_PHASE_LABELS, roundPhase } from '../../domain/recognition/rounds.js';
import { addWorkingDays, type HolidayCalendar } from '../../domain/working-days.js';
import type { Round } from './recognition.schemas.js';
import type { RoundRow } from './rounds.repo.js';

/** A round as the API answers it: labels, phase on `today`, the district review due date in working days. */
export function presentRound(row: RoundRow, cal: HolidayCalendar, today = todayInShanghai()): Round {
  const due = addWorkingDays(cal, row.closesOn, row.districtReviewDays);
  const phase = roundPhase(row, today);
  return {
    id: row.id,
    tier: row.tier,
    tierLabel: TIER_LABELS[row.tier as Tier],
    type: row.type,
    typeLabel: ROUND_TYPE_LABELS[row.type],
    year: row.year,
    name: row.name,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    continuous: row.continuous,
    cutoffDates: row.cutoffDates,
    districtReviewDays: row.districtReviewDays,
    districtReviewDueOn: due.date,
    expertReview: row.expertReview,
    expertsPerApplication: row.expertsPerApplication,
    scoreMethod: row.scoreMethod,
    scoreMethodLabel: SCORE_METHOD_LABELS[row.scoreMethod],
    scoreMargin: row.scoreMargin,
    publicityDays: row.publicityDays,
    ruleSet: row.ruleSet,
    ruleSetName: ruleSetName(row.ruleSet),
    ruleSetOverrideReason: row.ruleSetOverrideReason,
    phase,
    phaseLabel: ROUND_PHASE_LABELS[phase],
    publicityStartsOn: row.publicityStartsOn,
    publicityEndsOn: row.publicityEndsOn,
    announcedOn: row.announcedOn,
    documentNo: row.documentNo,
    recommendedOn: row.recommendedOn,
    closedOn: row.closedOn,
    openingNotifiedAt: row.openingNotifiedAt ? row.openingNotifiedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    unmaintainedYears: due.unmaintainedYears,
  };
}
