import { todayInShanghai } from '../../domain/dates.js';
import { checkFactDate } from '../../domain/field-rules.js';
import { OBJECTION_CHANNEL_LABELS, RECOGNITION_STATUS_LABELS, type RecognitionStatus } from '../../domain/recognition/lifecycle.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { cityAdminIds, districtOfficerIds } from '../auth/find-recipients.js';
import { selectEnterpriseNames } from '../enterprises/enterprises.repo.js';
import { attachFiles } from '../files/attach-files.js';
import { sendMessages } from '../messages/send-messages.js';
import { loadApplication } from './load-application.js';
import { insertObjection } from './objections.repo.js';
import { presentObjections } from './present-objection.js';
import { notInPublicity, objectionDateInvalid } from './recognition.errors.js';
import type { Objection, ObjectionBody } from './recognition.schemas.js';
import { recordTransition } from './record-transition.js';
import { selectRound } from './rounds.repo.js';

/**
 * Records an objection (异议) against an item in 公示, by the city or the item's district: who
 * (real name and contact), how it came in, the facts and evidence files. The item stays in 公示 but
 * is frozen: the announcement refuses while the objection waits for the city's finding. An item not
 * in 公示 is refused (409) and nothing is stored. History, audit, attachments and the messages to the
 * other side (the city, or the district) in one transaction.
 */
export async function recordObjection(
  ctx: AppContext,
  actor: Actor | null,
  applicationId: string,
  input: ObjectionBody,
): Promise<Objection> {
  const who = requireAccess(actor, 'recognition.objection.record');
  const dateProblem = checkFactDate(input.receivedOn, todayInShanghai());
  if (dateProblem) throw objectionDateInvalid(dateProblem.message);
  return ctx.db.transaction(async (tx) => {
    const app = await loadApplication(tx, who, applicationId, { forUpdate: true });
    if (app.status !== 'in_publicity') throw notInPublicity(RECOGNITION_STATUS_LABELS[app.status as RecognitionStatus] ?? app.status);
    const round = await selectRound(tx, app.roundId);
    if (!round) throw notFound();
    if (round.publicityStartsOn && input.receivedOn < round.publicityStartsOn)
      throw objectionDateInvalid(`不能早于公示开始日期（${round.publicityStartsOn}）`);

    const row = await insertObjection(tx, {
      applicationId: app.id,
      channel: input.channel,
      objectorName: input.objectorName,
      objectorContact: input.objectorContact,
      facts: input.facts,
      receivedOn: input.receivedOn,
      recordedBy: who.userId,
    });
    await attachFiles(tx, who, input.fileIds, { type: 'recognition_objection', id: row.id });
    const channel = OBJECTION_CHANNEL_LABELS[input.channel];
    await recordTransition(tx, who, app, {
      action: 'objection',
      to: 'in_publicity',
      reason: `${input.receivedOn} 收到${channel}异议，待核查`,
    });

    const [enterprise] = await selectEnterpriseNames(tx, [app.enterpriseId]);
    const districts = [app.districtCode, ...(app.zoneCode ? [app.zoneCode] : [])];
    const recipients = new Set([
      ...(await cityAdminIds(tx)),
      ...(await Promise.all(districts.map((d) => districtOfficerIds(tx, d)))).flat(),
    ]);
    recipients.delete(who.userId);
    await sendMessages(
      tx,
      [...recipients].map((userId) => ({
        userId,
        category: 'recognition' as const,
        title: `公示异议：${enterprise?.name ?? ''}`.slice(0, 200),
        body: `“${enterprise?.name ?? ''}”（${round.name}）在公示期间收到${channel}异议（${input.receivedOn}），该项暂停公告，待市经信委登记核查结论。`,
        link: `/recognition/applications/${app.id}`,
      })),
    );
    const [presented] = await presentObjections(tx, [row]);
    return presented;
  });
}
