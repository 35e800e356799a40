import { todayInShanghai } from '../../domain/dates.js';
import { checkFactDate } from '../../domain/field-rules.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { districtOfficerIds, enterpriseUserIds } from '../auth/find-recipients.js';
import { getEnterprise } from '../enterprises/get-enterprise.js';
import { attachFiles } from '../files/attach-files.js';
import { sendMessages } from '../messages/send-messages.js';
import { expertProfileMissing, visitDateInvalid } from './experts.errors.js';
import { insertVisit, selectExpertByUser } from './experts.repo.js';
import { VISIT_FORM_LABELS, type VisitInput } from './experts.schemas.js';
import { listEnterpriseVisits } from './list-enterprise-visits.js';

/**
 * An expert records a visit or advice for an enterprise assigned to it (404 for any other, as if
 * absent). In one transaction: the visit, its attachments, the audit row, and a message to the
 * enterprise's users and its district officers (区县 and functional zone).
 */
export async function recordExpertVisit(ctx: AppContext, actor: Actor | null, enterpriseId: string, input: VisitInput) {
  const who = requireAccess(actor, 'expert.visit');
  const enterprise = await getEnterprise(ctx, who, enterpriseId); // the assigned scope: 404 outside it
  const expert = await selectExpertByUser(ctx.db, who.userId);
  if (!expert) throw expertProfileMissing();
  const problem = checkFactDate(input.visitedOn, todayInShanghai());
  if (problem) throw visitDateInvalid(problem.message);

  const visit = await ctx.db.transaction(async (tx) => {
    const row = await insertVisit(tx, {
      expertId: expert.id,
      enterpriseId: enterprise.id,
      visitedOn: input.visitedOn,
      form: input.form,
      topic: input.topic,
      advice: input.advice,
      followUp: input.followUp ?? null,
      createdBy: who.userId,
    });
    await attachFiles(tx, who, input.fileIds, { type: 'expert_visit', id: row.id });
    const districts = [enterprise.districtCode, ...(enterprise.zoneCode ? [enterprise.zoneCode] : [])];
    const recipients = new Set([
      ...(await enterpriseUserIds(tx, enterprise.id)),
      ...(await Promise.all(districts.map((d) => districtOfficerIds(tx, d)))).flat(),
    ]);
    const form = VISIT_FORM_LABELS[input.form];
    await sendMessages(
      tx,
      [...recipients].map((userId) => ({
        userId,
        category: 'expert_visit' as const,
        title: `专家服务记录：${enterprise.name}`.slice(0, 200),
        body: `${expert.name}（${expert.organization}）于 ${input.visitedOn} 以${form}方式服务“${enterprise.name}”，主题：${input.topic}。`.slice(
          0,
          4000,
        ),
        link: `/enterprises/${enterprise.id}`,
      })),
    );
    await writeAudit(tx, who, {
      action: 'expert.visit',
      entityType: 'expert_visit',
      entityId: row.id,
      after: { ...row, fileIds: input.fileIds, notified: recipients.size },
    });
    return row;
  });
  const { items } = await listEnterpriseVisits(ctx, who, enterprise.id);
  return items.find((v) => v.id === visit.id) ?? items[0];
}
