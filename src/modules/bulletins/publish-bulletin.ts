import { rankChangeLabel } from '../../domain/bulletins/scoring.js';
import { todayInShanghai } from '../../domain/dates.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { allDistrictOfficers } from '../auth/find-recipients.js';
import { type NewMessage, sendMessages } from '../messages/send-messages.js';
import { listDistricts } from '../reference/list-districts.js';
import { buildBulletinDraft } from './build-bulletin-draft.js';
import { alreadyPublished, correctsMismatch } from './bulletins.errors.js';
import { insertBulletin, lockPeriod, selectRevisions } from './bulletins.repo.js';
import { loadBulletinSettings } from './load-bulletin-settings.js';
import { presentBulletin } from './present-bulletin.js';
import { resolvePeriod } from './resolve-period.js';

/**
 * 发布通报 (city only): computes the draft on the primary and freezes it — every number shown, the
 * settings used, the as-of day — as a new row; the same period again is refused (409) unless it
 * corrects one of the period's 通报 (a new revision). Audited; every district officer is told its
 * place, all in the one transaction.
 */
export async function publishBulletin(
  ctx: AppContext,
  actor: Actor | null,
  body: { periodKind: 'month' | 'quarter'; period: string; documentNo?: string; title?: string; correctsId?: string },
) {
  const who = requireAccess(actor, 'bulletins.manage');
  const today = todayInShanghai();
  const period = resolvePeriod(body.periodKind, body.period, today);
  const units = await listDistricts(ctx, who);
  return ctx.db.transaction(async (tx) => {
    await lockPeriod(tx, period.kind, period.key);
    const revisions = await selectRevisions(tx, period.kind, period.key);
    if (revisions.length > 0 && !body.correctsId) throw alreadyPublished(revisions[0].title, revisions[0].id);
    if (body.correctsId && !revisions.some((r) => r.id === body.correctsId)) throw correctsMismatch();
    const { settings } = await loadBulletinSettings(tx);
    const snapshot = await buildBulletinDraft(tx, { period, settings, units, today, inTransaction: true });
    const title = body.title ?? (body.correctsId ? `${snapshot.title}（更正）` : snapshot.title);
    const row = await insertBulletin(tx, {
      periodKind: period.kind,
      period: period.key,
      revision: revisions.length > 0 ? revisions[0].revision + 1 : 0,
      correctsId: body.correctsId ?? null,
      title,
      documentNo: body.documentNo ?? null,
      asOf: snapshot.asOf,
      settings,
      snapshot,
      publishedBy: who.userId,
    });
    await writeAudit(tx, who, {
      action: 'bulletin.publish',
      entityType: 'bulletin',
      entityId: row.id,
      after: {
        periodKind: period.kind,
        period: period.key,
        revision: row.revision,
        title,
        documentNo: row.documentNo,
        correctsId: row.correctsId,
      },
    });
    const placeOf = new Map(snapshot.units.map((u) => [u.code, u]));
    const messages: NewMessage[] = [];
    for (const officer of await allDistrictOfficers(tx)) {
      const place = placeOf.get(officer.districtCode);
      const standing = place
        ? `${place.name}总分 ${place.total.toFixed(2)} 分（满分 ${snapshot.fullMark} 分），排名第 ${place.rank} 位${
            place.rankChange === null ? '' : `，较上期${rankChangeLabel(place.rankChange)}`
          }。`
        : '';
      messages.push({
        userId: officer.id,
        category: 'bulletin',
        title: `${body.correctsId ? '更正通报' : '定期通报'}：${title}`,
        body: `${row.documentNo ? `${row.documentNo}，` : ''}数据截至 ${snapshot.asOf}。${standing}请查看通报全文及各项得分。`,
        link: `/bulletins/${row.id}`,
      });
    }
    await sendMessages(tx, messages);
    return presentBulletin(row, who);
  });
}
