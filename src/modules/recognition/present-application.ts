import { todayInShanghai } from '../../domain/dates.js';
import { TIER_LABELS } from '../../domain/enterprise-rules.js';
import { evaluateRuleSet } from '../../domain/evaluation/evaluate.js';
import type { Tier } from '../../domain/evaluation/types.js';
import { formToEvaluationInput } from '../../domain/recognition/form.js';
import {
  EDITABLE_STATUSES,
  RECOGNITION_ACTIONS,
  RECOGNITION_HISTORY_LABELS,
  RECOGNITION_STATUS_LABELS,
  RETURN_REASONS,
  type RecognitionAction,
  type RecognitionHistoryAction,
  type RecognitionStatus,
  TRANSITIONS,
} from '../../domain/recognition/lifecycle.js';
import { assessmentDateOf } from '../../domain/recognition/window.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { currentCorrections } from '../evaluation/load-corrections.js';
import { filesOf } from '../files/files-of.js';
import { type ApplicationRow, selectApplicationContext, selectHistory } from './applications.repo.js';
import type { ApplicationDetail, ApplicationForm } from './recognition.schemas.js';

export const APPLICATION_FILE_OWNER = 'recognition_application';

const iso = (d: Date | string | null) => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/**
 * What this actor may do to the application now: the transitions from its status whose roles
 * include the actor's (the row was loaded through the actor's scope). Submit also needs the window open.
 */
export function allowedActionsFor(
  actor: Actor,
  row: ApplicationRow,
  round: { opensOn: string; closesOn: string },
  today = todayInShanghai(),
) {
  const status = row.status as RecognitionStatus;
  return RECOGNITION_ACTIONS.filter((action: RecognitionAction) => {
    const t = TRANSITIONS[action];
    if (!t.from.includes(status) || !(t.roles as readonly string[]).includes(actor.role)) return false;
    if (actor.role === 'enterprise' && row.enterpriseId !== actor.enterpriseId) return false;
    if (action === 'submit') return round.opensOn <= today && today <= round.closesOn;
    return true;
  });
}

/**
 * A form still being filled has no frozen evaluation: the live one of the stored form, so that a
 * fresh draft (never saved yet) shows its score and what is missing as soon as it opens.
 */
async function draftEvaluation(
  ctx: AppContext,
  row: ApplicationRow,
  form: ApplicationForm,
  round: { roundType: 'new' | 'review'; opensOn: string; closesOn: string; ruleSet: string },
  today: string,
) {
  if (!EDITABLE_STATUSES.includes(row.status as RecognitionStatus)) return null;
  const input = formToEvaluationInput(form, { type: round.roundType }, assessmentDateOf(round, today));
  return evaluateRuleSet(input, round.ruleSet, await currentCorrections(ctx));
}

/**
 * A drawn expert (双随机) judges the application on its merits and has no business calling the
 * enterprise: the contact person and phone are left out of what it reads.
 */
function withoutContactsFor(actor: Actor, form: ApplicationForm): ApplicationForm {
  if (actor.role !== 'expert' || !form.basic) return form;
  return { ...form, basic: { ...form.basic, contactName: null, contactPhone: null } };
}

/** The application as GET /api/recognition/applications/:id shows it (ApplicationDetail). */
export async function presentApplication(ctx: AppContext, actor: Actor, row: ApplicationRow): Promise<ApplicationDetail> {
  const [context, history, attached] = await Promise.all([
    selectApplicationContext(ctx.db, row),
    selectHistory(ctx.db, row.id),
    filesOf(ctx.db, { type: APPLICATION_FILE_OWNER, id: row.id }),
  ]);
  if (!context) throw new Error(`application ${row.id} without its round, enterprise or district`);
  const form = withoutContactsFor(actor, (row.form ?? {}) as ApplicationForm);
  const stored = row.frozen as ApplicationDetail['frozen'];
  const frozen =
    stored && actor.role === 'expert'
      ? { registry: { ...stored.registry, contactName: null, contactPhone: null }, form: withoutContactsFor(actor, stored.form) }
      : stored;
  const evidence = (frozen?.form ?? form).evidence ?? {};
  const indicatorOf = new Map<string, string>();
  for (const [indicatorId, ids] of Object.entries(evidence))
    for (const id of ids) if (!indicatorOf.has(id)) indicatorOf.set(id, indicatorId);
  const status = row.status as RecognitionStatus;
  const returnCode = row.returnReasonCode as keyof typeof RETURN_REASONS | null;
  const today = todayInShanghai();
  return {
    id: row.id,
    status,
    statusLabel: RECOGNITION_STATUS_LABELS[status] ?? '未知状态',
    roundId: row.roundId,
    round: { name: context.roundName, tier: context.roundTier, type: context.roundType, closesOn: context.closesOn },
    enterpriseId: row.enterpriseId,
    enterpriseName: context.enterpriseName,
    uscc: context.uscc,
    districtCode: row.districtCode,
    districtName: context.districtName,
    tier: row.tier,
    tierLabel: TIER_LABELS[row.tier as Tier] ?? row.tier,
    evaluation: (row.evaluation ?? (await draftEvaluation(ctx, row, form, context, today))) as ApplicationDetail['evaluation'],
    form,
    formVersion: row.formVersion,
    formSavedAt: iso(row.formSavedAt),
    frozen: frozen ?? null,
    submittedAt: iso(row.submittedAt),
    districtDueOn: row.districtDueOn,
    overdue: status === 'submitted' && row.districtDueOn !== null && row.districtDueOn < today,
    checklist: (row.checklist ?? {}) as Record<string, unknown>,
    returnReasonCode: row.returnReasonCode,
    returnReasonLabel: returnCode && Object.hasOwn(RETURN_REASONS, returnCode) ? RETURN_REASONS[returnCode] : null,
    returnReason: row.returnReason,
    expertScore: row.expertScore,
    expertScoreFlagged: row.expertScoreFlagged,
    titleId: row.titleId,
    files: attached
      .filter((f) => indicatorOf.has(f.id))
      .map((f) => ({ id: f.id, name: f.name, size: f.size, type: f.type, indicatorId: indicatorOf.get(f.id) ?? null })),
    history: history.map((h) => ({
      action: h.action,
      actionLabel: RECOGNITION_HISTORY_LABELS[h.action as RecognitionHistoryAction] ?? '其他操作',
      at: h.at.toISOString(),
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      reasonCode: h.reasonCode,
      reason: h.reason,
      actorName: h.actorName,
    })),
    allowedActions: allowedActionsFor(actor, row, context, today),
    version: row.version,
  };
}
