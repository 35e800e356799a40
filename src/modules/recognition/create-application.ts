import { todayInShanghai } from '../../domain/dates.js';
import { formFromRegistry } from '../../domain/recognition/form.js';
import { REVOCATION_CATEGORIES } from '../../domain/recognition/lifecycle.js';
import { windowOpen } from '../../domain/recognition/window.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import { insertApplication, insertHistory, selectApplicationOf, selectRoundOf } from './applications.repo.js';
import { findBan } from './find-ban.js';
import { presentApplication } from './present-application.js';
import { applicationExists, banned, roundClosed } from './recognition.errors.js';
import { registrySnapshot } from './registry-snapshot.js';

/**
 * An enterprise starts its application in a round (POST /api/recognition/applications): a draft
 * whose form is pre-filled from the registry. One per round and enterprise (409), only while the
 * round takes applications (409), never while a revocation bars the enterprise (400, until when).
 */
export async function createApplication(ctx: AppContext, actor: Actor | null, input: { roundId: string }) {
  const who = requireAccess(actor, 'recognition.apply');
  const enterpriseId = who.enterpriseId;
  if (!enterpriseId) throw forbidden('该账号未绑定企业，不能申报');
  const round = await selectRoundOf(ctx.db, input.roundId);
  if (!round) throw notFound();
  const today = todayInShanghai();
  if (!windowOpen(round, today)) throw roundClosed(round.opensOn, round.closesOn);
  const ban = await findBan(ctx.db, enterpriseId, round.tier, today);
  if (ban) throw banned(ban.until, REVOCATION_CATEGORIES[ban.category].label);
  if (await selectApplicationOf(ctx.db, round.id, enterpriseId)) throw applicationExists();
  const { detail } = await registrySnapshot(ctx, who, enterpriseId);
  const form = formFromRegistry(detail, today);

  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertApplication(tx, {
      roundId: round.id,
      enterpriseId,
      districtCode: detail.districtCode,
      zoneCode: detail.zoneCode,
      tier: round.tier,
      status: 'draft',
      form,
      industryCode: detail.industryCode,
      createdBy: who.userId,
    });
    // Two tabs at once: the unique key lets one in.
    if (!created) throw applicationExists();
    await insertHistory(tx, {
      applicationId: created.id,
      action: 'create',
      fromStatus: null,
      toStatus: 'draft',
      actorId: who.userId,
      actorName: who.displayName,
    });
    await writeAudit(tx, who, {
      action: 'recognition.create',
      entityType: 'recognition_application',
      entityId: created.id,
      after: { roundId: round.id, roundName: round.name, tier: round.tier, status: 'draft' },
    });
    return created;
  });
  return presentApplication(ctx, who, row);
}
