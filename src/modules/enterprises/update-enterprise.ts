import { isDeepStrictEqual } from 'node:util';
import { YEAR_FIELDS } from '../../domain/enterprise-rules.js';
import { normalizeUscc } from '../../domain/uscc.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { versionConflict } from '../../server/errors.js';
import { requireCluster, requireIndustryDivision } from '../reference/check-reference-codes.js';
import { checkDates, checkPlace, checkUsccFor, checkYears, type EnterpriseInput } from './check-enterprise-input.js';
import { deriveFromIndustry, deriveFromName, deriveSize } from './derive.js';
import { changedFields, publicFields, yearRow } from './enterprise-record.js';
import { fieldForbidden } from './enterprises.errors.js';
import { type EnterpriseInsert, type EnterpriseRow, selectYears, updateEnterpriseVersioned, upsertYears } from './enterprises.repo.js';
import { getEnterprise } from './get-enterprise.js';

/**
 * Facts that are the officers' assessment or come from the national platform, not the enterprise's
 * declaration: the development score, the district's 特色化 score and the answers to the rules'
 * review questions. An enterprise sending facts keeps them as they are; one trying to change them
 * is refused.
 */
const OFFICER_ASSESSED_FACTS = {
  developmentScore: '专精特新发展评价得分来自国家平台，由经信部门录入或导入',
  featuredScore: '特色化指标得分由区县经信部门评定',
  reviewerAnswers: '人工审核事项由经信部门认定',
} as const;

function keepOfficerAssessments(input: EnterpriseInput, stored: Record<string, unknown> | null): void {
  const facts = input.facts as Record<string, unknown> | undefined;
  if (!facts) return;
  const kept = { ...facts };
  for (const [key, whose] of Object.entries(OFFICER_ASSESSED_FACTS)) {
    const before = stored?.[key];
    if (facts[key] !== undefined && !isDeepStrictEqual(facts[key], before)) throw fieldForbidden(`${whose}，企业不能修改`, `facts.${key}`);
    if (before === undefined) delete kept[key];
    else kept[key] = before;
  }
  input.facts = kept;
}

/**
 * Fields an enterprise user may not change about itself: they decide who sees it (scope) or are
 * the city's decision. Titles, honours and derived columns are not in the request at all; the
 * rest (name, industry, indicators, declared facts) is the enterprise's own declaration.
 */
const OFFICER_ONLY_FIELDS = {
  uscc: '统一社会信用代码',
  districtCode: '所属区县',
  zoneCode: '功能区',
  usccOverrideReason: '信用代码校验位例外原因',
} as const;

export async function updateEnterprise(ctx: AppContext, actor: Actor | null, id: string, input: EnterpriseInput & { version: number }) {
  const before = await getEnterprise(ctx, actor, id);
  const who = requireAccess(actor, 'enterprise.write', {
    enterpriseId: before.id,
    districtCode: before.districtCode,
    zoneCode: before.zoneCode,
  });
  if (who.role === 'enterprise') {
    const field = (Object.keys(OFFICER_ONLY_FIELDS) as (keyof typeof OFFICER_ONLY_FIELDS)[]).find(
      (f) => input[f] !== undefined && input[f] !== before[f],
    );
    if (field) throw fieldForbidden(`${OFFICER_ONLY_FIELDS[field]}由经信部门维护，企业不能修改`, field);
    keepOfficerAssessments(input, before.facts as Record<string, unknown> | null);
  }
  const districtCode = input.districtCode ?? before.districtCode;
  const zoneCode = input.zoneCode === undefined ? before.zoneCode : input.zoneCode;
  if (districtCode !== before.districtCode || zoneCode !== before.zoneCode) {
    // Moving an enterprise: the new place must be in the actor's scope too.
    requireAccess(who, 'enterprise.write', { enterpriseId: before.id, districtCode, zoneCode });
    await checkPlace(ctx, districtCode, zoneCode);
  }
  const usccChange =
    input.uscc !== undefined && normalizeUscc(input.uscc) !== before.uscc
      ? await checkUsccFor(ctx, who, input.uscc, input.usccOverrideReason, before.id)
      : {};
  if (input.industryCode && input.industryCode !== before.industryCode) await requireIndustryDivision(ctx, input.industryCode);
  if (input.clusterCode && input.clusterCode !== before.clusterCode) await requireCluster(ctx, input.clusterCode);
  checkDates(input, before);
  const years = input.years ?? [];
  checkYears(years);

  const { years: _y, usccOverrideReason: _r, version, uscc: _u, ...fields } = input;
  const changes: Partial<EnterpriseInsert> = { ...fields, ...usccChange };
  // Only what differs from the record is written: a save without changes writes no version and no history.
  for (const key of Object.keys(changes) as (keyof EnterpriseInsert)[]) {
    if (isDeepStrictEqual(changes[key] ?? null, before[key as keyof EnterpriseRow] ?? null)) delete changes[key];
  }
  const storedYears = new Map((await selectYears(ctx.db, id)).map((y) => [y.year, y]));
  const changedYears = years.filter((y) => {
    const stored = storedYears.get(y.year);
    return !stored || YEAR_FIELDS.some((f) => (y[f] ?? null) !== stored[f]);
  });
  if (!Object.keys(changes).length && !changedYears.length) return { ...publicFields(before), changed: false };
  if (changes.name) Object.assign(changes, deriveFromName(changes.name));
  if (changes.industryCode) Object.assign(changes, deriveFromIndustry(changes.industryCode));

  const saved = await ctx.db.transaction(async (tx) => {
    await upsertYears(tx, id, changedYears.map(yearRow));
    const allYears = await selectYears(tx, id);
    const after = await updateEnterpriseVersioned(tx, id, version, {
      ...changes,
      ...deriveSize(changes.industryCode ?? before.industryCode, allYears),
    });
    if (!after) throw versionConflict();
    const diff = changedFields(before, after);
    await writeAudit(tx, who, {
      action: 'enterprise.update',
      entityType: 'enterprise',
      entityId: id,
      before: diff.before,
      after: { ...diff.after, ...(changedYears.length ? { years: changedYears } : {}) },
    });
    return after;
  });
  return { ...publicFields(saved), changed: true };
}
