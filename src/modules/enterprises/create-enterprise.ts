import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { requireCluster, requireIndustryDivision } from '../reference/check-reference-codes.js';
import { checkDates, checkPlace, checkUsccFor, checkYears, type EnterpriseInput } from './check-enterprise-input.js';
import { deriveFromIndustry, deriveFromName, deriveSize } from './derive.js';
import { publicFields, yearRow } from './enterprise-record.js';
import { insertEnterprise, upsertYears } from './enterprises.repo.js';

export async function createEnterprise(
  ctx: AppContext,
  actor: Actor | null,
  input: EnterpriseInput & { uscc: string; name: string; districtCode: string; industryCode: string },
) {
  const who = requireAccess(actor, 'enterprise.create', { districtCode: input.districtCode, zoneCode: input.zoneCode });
  const { uscc, usccOverrideReason } = await checkUsccFor(ctx, who, input.uscc, input.usccOverrideReason);
  await checkPlace(ctx, input.districtCode, input.zoneCode);
  await requireIndustryDivision(ctx, input.industryCode);
  if (input.clusterCode) await requireCluster(ctx, input.clusterCode);
  checkDates(input);
  const years = input.years ?? [];
  checkYears(years);
  const { years: _years, usccOverrideReason: _r, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const created = await insertEnterprise(tx, {
      ...fields,
      uscc,
      usccOverrideReason,
      ...deriveFromName(input.name),
      ...deriveFromIndustry(input.industryCode),
      ...deriveSize(input.industryCode, years),
    });
    await upsertYears(tx, created.id, years.map(yearRow));
    await writeAudit(tx, who, {
      action: 'enterprise.create',
      entityType: 'enterprise',
      entityId: created.id,
      after: { ...publicFields(created), years },
    });
    return publicFields(created);
  });
}
