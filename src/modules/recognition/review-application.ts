import { todayInShanghai } from '../../domain/dates.js';
import {
  canTransition,
  RECOGNITION_HISTORY_LABELS,
  RECOGNITION_STATUS_LABELS,
  RETURN_REASONS,
  type RecognitionStatus,
  type ReturnReasonCode,
  TRANSITIONS,
} from '../../domain/recognition/lifecycle.js';
import { addWorkingDays } from '../../domain/working-days.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import { districtOfficerIds, enterpriseUserIds } from '../auth/find-recipients.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { type NewMessage, sendMessages } from '../messages/send-messages.js';
import { type ApplicationRow, selectApplicationContext } from './applications.repo.js';
import { loadApplication } from './load-application.js';
import { presentApplication } from './present-application.js';
import { actionNotAllowed, reasonRequired } from './recognition.errors.js';
import { recordTransition } from './record-transition.js';
import { selectRound } from './rounds.repo.js';

/** The officers' actions on one application (初审 by the district, 复审 by the city). */
export const REVIEW_ACTIONS = [
  'return',
  'district_approve',
  'district_reject',
  'city_approve',
  'city_reject',
  'return_to_district',
] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];
export const isReviewAction = (action: string): action is ReviewAction => (REVIEW_ACTIONS as readonly string[]).includes(action);

const CITY_ACTIONS: readonly ReviewAction[] = ['city_approve', 'city_reject', 'return_to_district'];

export interface ReviewInput {
  action: ReviewAction;
  reason?: string | null;
  reasonCode?: ReturnReasonCode | null;
}

/** Who acted, as the enterprise reads it: the office, never an officer's name. */
export function officeOf(actor: Actor): string {
  return actor.role === 'city_admin' ? '市经信委' : `${actor.districtName ?? '区县'}经信委`;
}

/** Refuses an actor whose role may read the application but not take this action (403, nothing changed). */
export function requireReviewRole(actor: Actor, action: ReviewAction): void {
  if ((TRANSITIONS[action].roles as readonly string[]).includes(actor.role)) return;
  throw forbidden(
    CITY_ACTIONS.includes(action)
      ? `只有市经信委可以${RECOGNITION_HISTORY_LABELS[action]}`
      : `只有申报企业所在区县的经信委或市经信委可以${RECOGNITION_HISTORY_LABELS[action]}`,
  );
}

/** 409 for an action the application's status does not allow, in words. */
export function statusRefusal(action: ReviewAction, status: string) {
  const label = RECOGNITION_STATUS_LABELS[status as RecognitionStatus] ?? status;
  return actionNotAllowed(`申报状态为“${label}”，不能${RECOGNITION_HISTORY_LABELS[action]}：申报状态可能已变化，请刷新后重试`);
}

/**
 * A district officer (初审: return to the enterprise with a reason, approve, reject) or the city
 * (the district's actions, and 复审: approve, reject, return to the district with a reason) acts on an
 * application. Outside the actor's scope 404; a role that may read but not act 403; a missing reason
 * 400; a status that does not allow the action 409 — each with the application exactly as it was.
 * In one transaction: the transition (history + audit, by recordTransition) and the messages.
 */
export async function reviewApplication(ctx: AppContext, actor: Actor | null, id: string, input: ReviewInput) {
  const who = requireAccess(actor, 'recognition.read');
  const { action } = input;
  const transition = TRANSITIONS[action];
  const reason = input.reason?.trim() || null;
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await loadApplication(tx, who, id, { forUpdate: true });
    requireReviewRole(who, action);
    if (transition.reason === 'required' && !reason) throw reasonRequired(action);
    if (!canTransition(action, row.status as RecognitionStatus)) throw statusRefusal(action, row.status);
    const isReturn = action === 'return' || action === 'return_to_district';
    const reasonCode = isReturn ? (input.reasonCode ?? 'other') : (input.reasonCode ?? null);
    const next = await recordTransition(
      tx,
      who,
      { id: row.id, status: row.status as RecognitionStatus },
      {
        action,
        to: transition.to,
        reasonCode,
        reason,
        set: isReturn
          ? {
              returnReasonCode: reasonCode,
              returnReason: reason,
              // Back in the district's queue: a new 初审 period from today, in working days.
              ...(action === 'return_to_district' ? { districtDueOn: await newDueDate(tx, row.roundId) } : {}),
            }
          : undefined,
      },
    );
    const context = await selectApplicationContext(tx, row);
    if (context) await sendMessages(tx, await messagesFor(tx, who, row, action, { ...context, reason, reasonCode }));
    return next;
  });
  return presentApplication(ctx, who, updated);
}

/** The district's new due date after the city returned an item: the round's 初审 working days from today. */
async function newDueDate(tx: Parameters<typeof loadCalendar>[0], roundId: string): Promise<string | null> {
  const round = await selectRound(tx, roundId);
  if (!round) return null;
  return addWorkingDays(await loadCalendar(tx), todayInShanghai(), round.districtReviewDays).date;
}

async function messagesFor(
  tx: Parameters<typeof enterpriseUserIds>[0],
  actor: Actor,
  row: ApplicationRow,
  action: ReviewAction,
  c: { roundName: string; enterpriseName: string; closesOn: string; reason: string | null; reasonCode: string | null },
): Promise<NewMessage[]> {
  const link = `/recognition/applications/${row.id}`;
  const office = officeOf(actor);
  const because = c.reason ? `，原因：${c.reason}` : '';
  if (action === 'return_to_district') {
    const districts = [row.districtCode, ...(row.zoneCode ? [row.zoneCode] : [])];
    const officers = [...new Set((await Promise.all(districts.map((d) => districtOfficerIds(tx, d)))).flat())];
    return officers.map((userId) => ({
      userId,
      category: 'recognition' as const,
      title: `市经信委退回初审：${c.enterpriseName}`.slice(0, 200),
      body: `“${c.enterpriseName}”在“${c.roundName}”中的申报被市经信委退回区县重新初审${because}。请在“申报审核”中重新审核。`.slice(
        0,
        4000,
      ),
      link,
    }));
  }
  const label = c.reasonCode && Object.hasOwn(RETURN_REASONS, c.reasonCode) ? RETURN_REASONS[c.reasonCode as ReturnReasonCode] : null;
  const texts: Record<Exclude<ReviewAction, 'return_to_district'>, { title: string; body: string }> = {
    return: {
      title: `申报被退回：${c.reason ?? label ?? ''}`,
      body:
        `贵企业在“${c.roundName}”中的申报被${office}退回${label ? `（${label}）` : ''}${because}。` +
        `请按要求修改后在申报截止日 ${c.closesOn} 前重新提交。`,
    },
    district_approve: {
      title: '申报已通过区县初审',
      body: `贵企业在“${c.roundName}”中的申报已通过${office}初审，进入市级评审。`,
    },
    district_reject: {
      title: `申报未通过区县初审：${c.reason ?? ''}`,
      body: `贵企业在“${c.roundName}”中的申报未通过${office}初审${because}。`,
    },
    city_approve: {
      title: '申报已通过市级复审',
      body: `贵企业在“${c.roundName}”中的申报已通过市经信委复审，将按程序进行公示。`,
    },
    city_reject: {
      title: `申报未通过市级复审：${c.reason ?? ''}`,
      body: `贵企业在“${c.roundName}”中的申报未通过市经信委复审${because}。`,
    },
  };
  const text = texts[action];
  return (await enterpriseUserIds(tx, row.enterpriseId)).map((userId) => ({
    userId,
    category: 'recognition' as const,
    title: text.title.slice(0, 200),
    body: text.body.slice(0, 4000),
    link,
  }));
}
