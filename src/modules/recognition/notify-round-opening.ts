import type { DbOrTx } from '../../db/database.js';
import { TIER_LABELS, type Tier } from '../../domain/enterprise-rules.js';
import { enterpriseUserIdsOf } from '../auth/find-recipients.js';
import { selectOpeningCandidates, selectReviewCohort } from '../enterprises/titles.repo.js';
import { listQualifiedCandidates } from '../evaluation/list-qualified-candidates.js';
import { type NewMessage, sendMessages } from '../messages/send-messages.js';
import { claimOpeningNotification, type RoundRow } from './rounds.repo.js';

/**
 * A round opens (once: the claim on opening_notified_at makes a second call a no-op). New rounds:
 * every enterprise the precheck finds may apply gets the opening message, and those the 后备库
 * already finds qualified get an invitation (主动发现) instead. 复核 rounds: exactly the cohort —
 * holders of a title of the tier whose validity ends in the round year — get the 复核 notice.
 * Returns the round as notified, or undefined when it had been already.
 */
export async function notifyRoundOpening(tx: DbOrTx, round: RoundRow): Promise<RoundRow | undefined> {
  if (!(await claimOpeningNotification(tx, round.id))) return undefined;
  const tierLabel = TIER_LABELS[round.tier as Tier];
  const link = '/recognition/rounds';
  const window = `申报时间 ${round.opensOn} 至 ${round.closesOn}`;
  const byEnterprise = new Map<string, Omit<NewMessage, 'userId'>>();
  if (round.type === 'review') {
    for (const t of await selectReviewCohort(tx, round.tier, round.year))
      byEnterprise.set(t.enterpriseId, {
        category: 'recognition',
        title: `复核通知：${round.name}`,
        body: `贵企业的${tierLabel}称号有效期至 ${t.validUntil}，须参加“${round.name}”（${window}）。请在“申报批次”中提交复核申报；复核期间称号继续有效。`,
        link,
      });
  } else {
    for (const id of await selectOpeningCandidates(tx, round.tier))
      byEnterprise.set(id, {
        category: 'recognition',
        title: `申报开始：${round.name}`,
        body: `“${round.name}”已开始申报（${window}）。贵企业可能符合申报条件，可在“申报批次”中查看条件并申报。`,
        link,
      });
    for (const id of await listQualifiedCandidates(tx, round.tier as Tier))
      byEnterprise.set(id, {
        category: 'recognition',
        title: `申报邀请：${round.name}`,
        body: `经后备库评价，贵企业已符合${tierLabel}认定条件，特邀请参加“${round.name}”（${window}）。请在“申报批次”中申报。`,
        link,
      });
  }
  const users = await enterpriseUserIdsOf(tx, [...byEnterprise.keys()]);
  const messages: NewMessage[] = [];
  for (const [enterpriseId, message] of byEnterprise)
    for (const userId of users.get(enterpriseId) ?? []) messages.push({ ...message, userId });
  await sendMessages(tx, messages);
  return { ...round, openingNotifiedAt: new Date() };
}
