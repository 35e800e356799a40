import { todayInShanghai } from '../../domain/dates.js';
import { TIER_LABELS, type Tier } from '../../domain/enterprise-rules.js';
import { TITLE_STATUS_LABELS } from '../../domain/labels.js';
import { banUntil, REVOCATION_CATEGORIES, type RevocationCategory } from '../../domain/recognition/lifecycle.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { enterpriseUserIds } from '../auth/find-recipients.js';
import { getEnterprise } from '../enterprises/get-enterprise.js';
import { refreshCurrentTiers, revokeOtherHeldTitles, revokeTitleRow, selectTitleOf, type TitleRow } from '../enterprises/titles.repo.js';
import { attachFiles } from '../files/attach-files.js';
import { sendMessages } from '../messages/send-messages.js';
import { dateBefore, dateInFuture, titleAlreadyRevoked } from './recognition.errors.js';

export const TITLE_REVOCATION_FILE_OWNER = 'title_revocation';

export interface RevokeTitleInput {
  category: RevocationCategory;
  reason: string;
  revokedOn: string;
  fileIds: string[];
}

/** A title as the revocation answers it, with its labels and the ban it carries (if any). */
export function presentTitle(t: TitleRow) {
  const category =
    t.revocationCategory && Object.hasOwn(REVOCATION_CATEGORIES, t.revocationCategory)
      ? (t.revocationCategory as RevocationCategory)
      : null;
  const rule = category ? REVOCATION_CATEGORIES[category] : null;
  return {
    id: t.id,
    enterpriseId: t.enterpriseId,
    tier: t.tier,
    tierLabel: TIER_LABELS[t.tier as Tier] ?? '梯度称号',
    level: t.level,
    recognisedOn: t.recognisedOn,
    validUntil: t.validUntil,
    status: t.status,
    statusLabel: TITLE_STATUS_LABELS[t.status] ?? t.status,
    certificateNo: t.certificateNo,
    documentNo: t.documentNo,
    revokedOn: t.revokedOn,
    revocationCategory: t.revocationCategory,
    revocationCategoryLabel: rule?.label ?? null,
    revocationReason: t.revocationReason,
    banUntil: rule && rule.banYears > 0 && t.revokedOn ? banUntil(t.revokedOn, rule.banYears) : null,
  };
}

/**
 * 撤销称号 (city): with a category, the reason and evidence files. A banning category bars new
 * applications (find-ban.ts) from the revocation date. One transaction: the title, the current
 * tier, the files, the audit row and a message to the enterprise's users. Twice: 409.
 */
export async function revokeTitle(ctx: AppContext, actor: Actor | null, enterpriseId: string, titleId: string, input: RevokeTitleInput) {
  const who = requireAccess(actor, 'title.revoke');
  const enterprise = await getEnterprise(ctx, who, enterpriseId);
  const today = todayInShanghai();
  if (input.revokedOn > today) throw dateInFuture('revokedOn', '撤销日期', today);
  return ctx.db.transaction(async (tx) => {
    const before = await selectTitleOf(tx, enterprise.id, titleId, { forUpdate: true });
    if (!before) throw notFound();
    if (before.status === 'revoked') throw titleAlreadyRevoked(before.revokedOn);
    if (input.revokedOn < before.recognisedOn) throw dateBefore('revokedOn', '撤销日期', before.recognisedOn, '称号认定日期');
    const after = await revokeTitleRow(tx, before.id, {
      revokedOn: input.revokedOn,
      revocationCategory: input.category,
      revocationReason: input.reason,
      revokedBy: who.userId,
    });
    if (!after) throw titleAlreadyRevoked(null);
    // 数据造假 (117号) cancels every title the enterprise holds, not only the one revoked.
    const alsoRevoked = REVOCATION_CATEGORIES[input.category].bansAllTiers
      ? await revokeOtherHeldTitles(tx, enterprise.id, after.id, {
          revokedOn: input.revokedOn,
          revocationCategory: input.category,
          revocationReason: input.reason,
          revokedBy: who.userId,
        })
      : [];
    await attachFiles(tx, who, input.fileIds, { type: TITLE_REVOCATION_FILE_OWNER, id: after.id });
    await refreshCurrentTiers(tx, [enterprise.id], today);
    const shown = presentTitle(after);
    await writeAudit(tx, who, {
      action: 'title.revoke',
      entityType: 'enterprise_title',
      entityId: after.id,
      before: { status: before.status },
      after: { ...shown, enterpriseName: enterprise.name, fileIds: input.fileIds },
    });
    for (const other of alsoRevoked)
      await writeAudit(tx, who, {
        action: 'title.revoke',
        entityType: 'enterprise_title',
        entityId: other.id,
        before: { status: 'valid' },
        after: { ...presentTitle(other), enterpriseName: enterprise.name, revokedWith: after.id },
      });
    const alsoText = alsoRevoked.length
      ? ` 同时撤销贵企业持有的${alsoRevoked.map((t) => TIER_LABELS[t.tier as Tier] ?? '梯度称号').join('、')}称号。`
      : '';
    const ban = shown.banUntil
      ? `自撤销之日起至 ${shown.banUntil} 前不得申报${REVOCATION_CATEGORIES[input.category].bansAllTiers ? '各层级' : '该层级及以上'}称号。`
      : '';
    await sendMessages(
      tx,
      (await enterpriseUserIds(tx, enterprise.id)).map((userId) => ({
        userId,
        category: 'recognition' as const,
        title: `称号撤销：${shown.tierLabel}`,
        body: `贵企业的${shown.tierLabel}称号（证书编号 ${after.certificateNo ?? '无'}）已于 ${input.revokedOn} 撤销，原因：${REVOCATION_CATEGORIES[input.category].label}。${input.reason}${alsoText}${ban ? ` ${ban}` : ''}`.slice(
          0,
          4000,
        ),
        link: `/enterprises/${enterprise.id}`,
      })),
    );
    return shown;
  });
}
