// Correcting a rule set's parameters, second step: publish a new version (audited); evaluations use
// the latest published version.
import { isCorrectable } from '../../domain/evaluation/rule-set-mappings.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { checkCorrectionValues } from './check-correction-values.js';
import { insertVersion, selectLatestVersion } from './rule-sets.repo.js';

export async function publishCorrection(
  ctx: AppContext,
  actor: Actor | null,
  ruleSet: string,
  values: Record<string, number>,
  note: string,
) {
  const who = requireAccess(actor, 'ruleset.publish');
  if (!isCorrectable(ruleSet)) throw notFound();
  return ctx.db.transaction(async (tx) => {
    const latest = await selectLatestVersion(tx, ruleSet);
    // Checked against the latest version inside the transaction: the merged table must stay in order.
    const published = latest ? { [ruleSet]: { version: latest.version, values: latest.values as Record<string, number> } } : {};
    const id = checkCorrectionValues(ruleSet, values, published);
    const merged = { ...(latest?.values as Record<string, number> | undefined), ...values };
    const version = (latest?.version ?? 1) + 1;
    await insertVersion(tx, { ruleSet: id, version, values: merged, note, publishedBy: who.userId });
    await writeAudit(tx, who, {
      action: 'ruleset.publish',
      entityType: 'rule_set',
      entityId: `${id}@v${version}`,
      before: latest?.values ?? {},
      after: { values: merged, note },
    });
    return { ruleSet: id, version };
  });
}
