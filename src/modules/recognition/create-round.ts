import { todayInShanghai } from '../../domain/dates.js';
import { TIER_LABELS } from '../../domain/enterprise-rules.js';
import { selectRuleSet } from '../../domain/evaluation/evaluate.js';
import { ruleSetName } from '../../domain/evaluation/rule-set-names.js';
import { defaultRoundName, ruleSetFitsTier } from '../../domain/recognition/rounds.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { notifyRoundOpening } from './notify-round-opening.js';
import { presentRound } from './present-round.js';
import { cutoffOutsideWindow, roundWindowInvalid, ruleSetInvalid, ruleSetOverrideReasonRequired } from './recognition.errors.js';
import type { CreateRoundBody } from './recognition.schemas.js';
import { insertRound } from './rounds.repo.js';

/**
 * The city sets up a round. The rule set is the evaluation's choice for tier, opening date and type
 * unless the city names another, which needs a reason. A round whose window is already open sends
 * its opening messages and invitations in the same transaction (else the daily sweep does, on the day).
 */
export async function createRound(ctx: AppContext, actor: Actor | null, body: CreateRoundBody) {
  const who = requireAccess(actor, 'recognition.rounds.manage');
  if (body.closesOn < body.opensOn) throw roundWindowInvalid();
  const cutoffs = [...new Set(body.cutoffDates)].sort();
  for (const d of cutoffs) if (d < body.opensOn || d > body.closesOn) throw cutoffOutsideWindow(d);
  const standard = selectRuleSet(body.tier, body.opensOn, body.type);
  const ruleSet = body.ruleSet ?? standard;
  if (!ruleSetFitsTier(ruleSet, body.tier)) throw ruleSetInvalid(ruleSet, TIER_LABELS[body.tier]);
  const overridden = ruleSet.split('@')[0] !== standard;
  if (overridden && !body.ruleSetOverrideReason) throw ruleSetOverrideReasonRequired(ruleSetName(ruleSet), ruleSetName(standard));
  const today = todayInShanghai();

  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertRound(tx, {
      tier: body.tier,
      type: body.type,
      year: body.year,
      name: body.name ?? defaultRoundName(body.year, body.tier, body.type),
      opensOn: body.opensOn,
      closesOn: body.closesOn,
      continuous: body.continuous,
      cutoffDates: cutoffs,
      districtReviewDays: body.districtReviewDays,
      expertReview: body.expertReview,
      expertsPerApplication: body.expertsPerApplication,
      scoreMethod: body.scoreMethod,
      scoreMargin: body.scoreMargin,
      publicityDays: body.publicityDays,
      ruleSet,
      ruleSetOverrideReason: overridden ? (body.ruleSetOverrideReason ?? null) : null,
      createdBy: who.userId,
    });
    await writeAudit(tx, who, {
      action: 'recognition.round_create',
      entityType: 'recognition_round',
      entityId: created.id,
      after: created,
    });
    if (created.opensOn <= today && today <= created.closesOn) return (await notifyRoundOpening(tx, created)) ?? created;
    return created;
  });
  return presentRound(row, await loadCalendar(ctx.db), today);
}
