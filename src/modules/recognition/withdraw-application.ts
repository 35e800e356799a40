import { todayInShanghai } from '../../domain/dates.js';
import { canTransition, RECOGNITION_STATUS_LABELS, type RecognitionStatus } from '../../domain/recognition/lifecycle.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { releaseReviewedTitles } from '../enterprises/titles.repo.js';
import type { ApplicationRow } from './applications.repo.js';
import { loadApplication } from './load-application.js';
import { actionNotAllowed } from './recognition.errors.js';
import { recordTransition } from './record-transition.js';

const refusal = (status: string) =>
  actionNotAllowed(
    `申报状态为“${RECOGNITION_STATUS_LABELS[status as RecognitionStatus] ?? status}”，不能撤回：申报状态可能已变化，请刷新后重试`,
  );

/**
 * The enterprise withdraws its application (action 'withdraw') from draft, submitted or returned:
 * history + audit in one transaction; a 复核 application's title leaves review (valid again until
 * its own end). `row` was loaded through the enterprise's scope by the caller.
 */
export async function withdrawApplication(ctx: AppContext, who: Actor, row: ApplicationRow, input: { reason?: string | null }) {
  if (!canTransition('withdraw', row.status as RecognitionStatus)) throw refusal(row.status);
  return ctx.db.transaction(async (tx) => {
    const current = await loadApplication(tx, who, row.id, { forUpdate: true });
    if (!canTransition('withdraw', current.status as RecognitionStatus)) throw refusal(current.status);
    const updated = await recordTransition(tx, who, current, { action: 'withdraw', to: 'withdrawn', reason: input.reason ?? null });
    if (current.reviewedTitleId) await releaseReviewedTitles(tx, [current.reviewedTitleId], todayInShanghai());
    return updated;
  });
}
