import { OBJECTION_STATUS_LABELS, type RecognitionStatus } from '../../domain/recognition/lifecycle.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { districtOfficerIds, enterpriseUserIds } from '../auth/find-recipients.js';
import { selectEnterpriseNames } from '../enterprises/enterprises.repo.js';
import { sendMessages } from '../messages/send-messages.js';
import { loadApplication } from './load-application.js';
import { selectObjection, selectObjectionForUpdate, updateObjectionFinding } from './objections.repo.js';
import { presentObjections } from './present-objection.js';
import { objectionFound } from './recognition.errors.js';
import type { FindingBody, Objection } from './recognition.schemas.js';
import { recordTransition } from './record-transition.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The city records the finding of an objection (成立 / 不成立) with its reason. Upheld: the item
 * leaves 公示 at once as 未认定 (history 'objection_upheld'; the enterprise is told). Dismissed: the
 * item stays in 公示 (history 'objection_dismissed') and, without another open objection, may be
 * announced. A second finding is refused (409) and changes nothing.
 */
export async function recordObjectionFinding(
  ctx: AppContext,
  actor: Actor | null,
  objectionId: string,
  input: FindingBody,
): Promise<Objection> {
  const who = requireAccess(actor, 'recognition.objection.find');
  if (!UUID.test(objectionId)) throw notFound();
  const seen = await selectObjection(ctx.db, objectionId);
  if (!seen) throw notFound();
  return ctx.db.transaction(async (tx) => {
    // The application first, then the objection: the order recordObjection locks them in.
    const app = await loadApplication(tx, who, seen.applicationId, { forUpdate: true });
    const current = await selectObjectionForUpdate(tx, objectionId);
    if (!current) throw notFound();
    if (current.status !== 'open') throw objectionFound(OBJECTION_STATUS_LABELS[current.status]);
    const updated = await updateObjectionFinding(tx, current.id, {
      status: input.finding,
      findingReason: input.reason,
      foundBy: who.userId,
    });
    if (!updated) throw objectionFound(OBJECTION_STATUS_LABELS[current.status]);

    const upheld = input.finding === 'upheld';
    // An item another upheld objection already removed keeps its status; the finding is still recorded.
    const to: RecognitionStatus = upheld && app.status === 'in_publicity' ? 'not_recognised' : (app.status as RecognitionStatus);
    await recordTransition(tx, who, app, {
      action: upheld ? 'objection_upheld' : 'objection_dismissed',
      to,
      reason: input.reason,
    });

    const [enterprise] = await selectEnterpriseNames(tx, [app.enterpriseId]);
    const name = enterprise?.name ?? '';
    const districts = [app.districtCode, ...(app.zoneCode ? [app.zoneCode] : [])];
    const officers = (await Promise.all(districts.map((d) => districtOfficerIds(tx, d)))).flat();
    const verdict = upheld ? '成立，该企业不予认定' : '不成立，该项继续公示';
    const messages = [...new Set(officers)].map((userId) => ({
      userId,
      category: 'recognition' as const,
      title: `公示异议核查结论：${name}`.slice(0, 200),
      body: `“${name}”的公示异议经核查${verdict}。理由：${input.reason}`.slice(0, 4000),
      link: `/recognition/applications/${app.id}`,
    }));
    if (upheld && to === 'not_recognised')
      for (const userId of await enterpriseUserIds(tx, app.enterpriseId))
        messages.push({
          userId,
          category: 'recognition' as const,
          title: '认定申报未予认定',
          body: `贵企业的认定申报在公示期间收到异议，经核查异议成立，不予认定。理由：${input.reason}`.slice(0, 4000),
          link: `/recognition/applications/${app.id}`,
        });
    await sendMessages(tx, messages);
    const [presented] = await presentObjections(tx, [updated]);
    return presented;
  });
}
