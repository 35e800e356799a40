import { todayInShanghai } from '../../domain/dates.js';
import { TIER_LABELS } from '../../domain/enterprise-rules.js';
import { evaluateRuleSet } from '../../domain/evaluation/evaluate.js';
import { qualificationsOn } from '../../domain/evaluation/qualifications.js';
import { eligibilityReasons, expiringTitle } from '../../domain/recognition/eligibility.js';
import { evidenceFileIds, formToEvaluationInput } from '../../domain/recognition/form.js';
import {
  canTransition,
  RECOGNITION_STATUS_LABELS,
  REVOCATION_CATEGORIES,
  type RecognitionStatus,
} from '../../domain/recognition/lifecycle.js';
import { reviewCountsFrom, windowOpen } from '../../domain/recognition/window.js';
import { addWorkingDays } from '../../domain/working-days.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { districtOfficerIds } from '../auth/find-recipients.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { markTitleUnderReview } from '../enterprises/titles.repo.js';
import { currentCorrections } from '../evaluation/load-corrections.js';
import { attachFiles } from '../files/attach-files.js';
import { sendMessages } from '../messages/send-messages.js';
import { findDistrict } from '../reference/find-district.js';
import { type ApplicationRow, selectRoundOf } from './applications.repo.js';
import { hasCompletedAnnualUpdates } from './check-annual-updates.js';
import { findBan } from './find-ban.js';
import { loadApplication } from './load-application.js';
import { APPLICATION_FILE_OWNER } from './present-application.js';
import { actionNotAllowed, banned, notEligible, pledgeRequired, roundClosed } from './recognition.errors.js';
import type { ApplicationForm } from './recognition.schemas.js';
import { recordTransition } from './record-transition.js';
import { registrySnapshot } from './registry-snapshot.js';

const refusal = (status: string) =>
  actionNotAllowed(
    `申报状态为“${RECOGNITION_STATUS_LABELS[status as RecognitionStatus] ?? status}”，不能提交：申报状态可能已变化，请刷新后重试`,
  );

/**
 * The enterprise submits its application (action 'submit'): the round's window open (409), the
 * pledge accepted (400), no ban (400 with until), the eligibility rules (400 with the reasons in
 * Chinese). Then, in one transaction with the row locked: the registry data and the form are frozen
 * with their evaluation under the round's rule set, the district's due date is set in working days,
 * a 复核 application puts its title under review, history + audit, and the district officers are told.
 * Two submissions at once: the second finds the status moved (409), nothing changed twice.
 * `row` was loaded through the enterprise's scope by the caller.
 */
export async function submitApplication(ctx: AppContext, who: Actor, row: ApplicationRow, input: { pledge?: boolean }) {
  if (!canTransition('submit', row.status as RecognitionStatus)) throw refusal(row.status);
  const round = await selectRoundOf(ctx.db, row.roundId);
  if (!round) throw new Error(`application ${row.id} without its round`);
  const today = todayInShanghai();
  if (!windowOpen(round, today)) throw roundClosed(round.opensOn, round.closesOn);
  if (input.pledge !== true) throw pledgeRequired();
  const ban = await findBan(ctx.db, row.enterpriseId, round.tier, today);
  if (ban) throw banned(ban.until, REVOCATION_CATEGORIES[ban.category].label);

  const { detail, snapshot } = await registrySnapshot(ctx, who, row.enterpriseId);
  const district = await findDistrict(ctx, detail.districtCode);
  const titles = detail.titles.map((t) => ({
    id: t.id,
    tier: t.tier,
    status: t.status,
    recognisedOn: t.recognisedOn,
    validUntil: t.validUntil,
  }));
  const reviewed = round.type === 'review' ? expiringTitle(round, titles, today) : null;
  const annualUpdates = reviewed ? await hasCompletedAnnualUpdates(ctx.db, row.enterpriseId, reviewed, today) : undefined;
  const reasons = eligibilityReasons(
    round,
    { registeredInChongqing: district !== undefined, sizeClass: detail.sizeClass, titles, honours: detail.honours },
    today,
    annualUpdates,
  );
  if (reasons.length) throw notEligible(reasons);

  const [corrections, calendar] = await Promise.all([currentCorrections(ctx), loadCalendar(ctx.db)]);
  const districtDueOn = addWorkingDays(calendar, reviewCountsFrom(round, today), round.districtReviewDays).date;

  const submitted = await ctx.db.transaction(async (tx) => {
    // Locked: an autosave or a second submission waits, then finds the status moved.
    const current = await loadApplication(tx, who, row.id, { forUpdate: true });
    if (!canTransition('submit', current.status as RecognitionStatus)) throw refusal(current.status);
    const form = current.form as ApplicationForm;
    await attachFiles(tx, who, evidenceFileIds(form), { type: APPLICATION_FILE_OWNER, id: current.id });
    const evaluation = evaluateRuleSet(
      formToEvaluationInput(form, round, today, qualificationsOn(today, detail.titles, detail.honours)),
      round.ruleSet,
      corrections,
    );
    const now = new Date();
    const updated = await recordTransition(tx, who, current, {
      action: 'submit',
      to: 'submitted',
      set: {
        frozen: { registry: snapshot, form },
        evaluation,
        outcome: evaluation.outcome,
        score: evaluation.score === null ? null : Math.round(evaluation.score),
        industryCode: detail.industryCode,
        districtCode: detail.districtCode,
        zoneCode: detail.zoneCode,
        submittedAt: now,
        pledgedAt: now,
        districtDueOn,
        reviewedTitleId: reviewed?.id ?? null,
      },
    });
    if (reviewed) await markTitleUnderReview(tx, reviewed.id);
    const officers = new Set(
      (
        await Promise.all([detail.districtCode, ...(detail.zoneCode ? [detail.zoneCode] : [])].map((d) => districtOfficerIds(tx, d)))
      ).flat(),
    );
    await sendMessages(
      tx,
      [...officers].map((userId) => ({
        userId,
        category: 'recognition' as const,
        title: `新的认定申报待初审：${detail.name}`.slice(0, 200),
        body: `“${detail.name}”已提交${round.name}（${TIER_LABELS[round.tier]}）的申报，请于 ${districtDueOn} 前完成初审。`.slice(0, 4000),
        link: `/recognition/applications/${current.id}`,
      })),
    );
    return updated;
  });
  return submitted;
}
