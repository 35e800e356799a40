import { isDeepStrictEqual } from 'node:util';
import { todayInShanghai } from '../../domain/dates.js';
import { checkYearValues, YEAR_FIELDS, type YearValues } from '../../domain/enterprise-rules.js';
import { checkEstablishedOn, checkNicheEntryYear } from '../../domain/field-rules.js';
import { checkUscc, normalizeUscc } from '../../domain/uscc.js';
import { type Actor, can, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { AppError, versionConflict } from '../../server/errors.js';
import { requireCluster, requireDistrict, requireIndustryDivision } from '../reference/check-reference-codes.js';
import { deriveFromIndustry, deriveFromName, deriveSize } from './derive.js';
import {
  type EnterpriseInsert,
  type EnterpriseRow,
  insertEnterprise,
  selectEnterpriseByUscc,
  selectYears,
  updateEnterpriseVersioned,
  upsertYears,
} from './enterprises.repo.js';
import { getEnterprise } from './get-enterprise.js';

type YearInput = { year: number } & YearValues;

export interface EnterpriseInput extends Partial<Omit<EnterpriseInsert, 'id' | 'version' | 'searchText' | 'searchVector'>> {
  usccOverrideReason?: string;
  years?: YearInput[];
}

const invalid = (code: string, field: string, message: string) => new AppError(code, 400, message, { field });

/** The USCC normalised and checked; a city administrator may accept a failing check digit with a reason. */
async function checkUsccFor(ctx: AppContext, actor: Actor, raw: string, overrideReason: string | undefined, selfId?: string) {
  const uscc = normalizeUscc(raw);
  const problem = checkUscc(uscc);
  if (problem === 'format') {
    throw invalid('ENTERPRISE_USCC_INVALID', 'uscc', `统一社会信用代码格式不正确：应为 18 位数字或大写字母（不含 I、O、Z、S、V）`);
  }
  let reason: string | null = null;
  if (problem === 'check_digit') {
    if (actor.role !== 'city_admin' || !overrideReason) {
      throw invalid(
        'ENTERPRISE_USCC_INVALID',
        'uscc',
        `统一社会信用代码 ${uscc} 的校验位不正确，请核对；确属早期合法代码的，由市经信委填写原因后确认`,
      );
    }
    reason = overrideReason;
  }
  const existing = await selectEnterpriseByUscc(ctx.db, uscc);
  if (existing && existing.id !== selfId) {
    // Outside the actor's scope the answer must not name the enterprise (nor link to it).
    const target = { enterpriseId: existing.id, districtCode: existing.districtCode, zoneCode: existing.zoneCode };
    if (!can(actor, 'enterprise.read', target)) {
      throw new AppError('ENTERPRISE_USCC_DUPLICATE', 409, '该统一社会信用代码已在其他区县登记，请联系市经信委', { field: 'uscc' });
    }
    throw new AppError('ENTERPRISE_USCC_DUPLICATE', 409, `统一社会信用代码 ${uscc} 已登记为“${existing.name}”`, {
      field: 'uscc',
      enterpriseId: existing.id,
    });
  }
  return { uscc, usccOverrideReason: reason };
}

/** District and zone: both must exist, the district must be a 区县 and the zone a functional zone. */
async function checkPlace(ctx: AppContext, districtCode: string, zoneCode: string | null | undefined) {
  const district = await requireDistrict(ctx, districtCode, 'districtCode');
  if (district.kind === 'zone')
    throw invalid('DISTRICT_IS_ZONE', 'districtCode', `${district.name}是功能区，请填写企业注册地所在区县，功能区填在“功能区”一栏`);
  if (zoneCode) {
    const zone = await requireDistrict(ctx, zoneCode, 'zoneCode');
    if (zone.kind !== 'zone') throw invalid('ZONE_UNKNOWN', 'zoneCode', `${zone.name}不是功能区`);
  }
}

function checkYears(years: YearInput[]) {
  const currentYear = Number(todayInShanghai().slice(0, 4));
  const seen = new Set<number>();
  for (const [i, y] of years.entries()) {
    if (seen.has(y.year)) throw invalid('YEAR_DUPLICATE', `years.${i}.year`, `年度 ${y.year} 重复`);
    seen.add(y.year);
    const [problem] = checkYearValues(y.year, y, currentYear);
    if (problem) throw new AppError(problem.code, 400, `${y.year} 年度：${problem.message}`, { field: `years.${i}.${problem.field}` });
  }
}

/** The date and year rules of domain/field-rules.ts; on an edit, against the stored record for what the input leaves out. */
function checkDates(input: EnterpriseInput, stored?: { establishedOn: string | null; nicheEntryYear: number | null }) {
  const today = todayInShanghai();
  if (input.establishedOn) {
    const p = checkEstablishedOn(input.establishedOn, today);
    if (p) throw invalid(p.code, 'establishedOn', `成立日期${p.message}`);
  }
  // Refused, not clamped: a later year saved as this year would change the evaluation silently.
  const nicheEntryYear = input.nicheEntryYear === undefined ? stored?.nicheEntryYear : input.nicheEntryYear;
  if (nicheEntryYear != null && (input.nicheEntryYear != null || input.establishedOn)) {
    const establishedOn = input.establishedOn ?? stored?.establishedOn;
    const p = checkNicheEntryYear(nicheEntryYear, { currentYear: Number(today.slice(0, 4)), establishedOn });
    if (p) throw invalid(p.code, 'nicheEntryYear', `进入细分市场年份${p.message}`);
  }
}

const yearRow = (y: YearInput) => ({ year: y.year, ...Object.fromEntries(YEAR_FIELDS.map((f) => [f, y[f] ?? null])) });

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
    if (facts[key] !== undefined && !isDeepStrictEqual(facts[key], before))
      throw new AppError('ENTERPRISE_FIELD_FORBIDDEN', 403, `${whose}，企业不能修改`, { field: `facts.${key}` });
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
    if (field)
      throw new AppError('ENTERPRISE_FIELD_FORBIDDEN', 403, `${OFFICER_ONLY_FIELDS[field]}由经信部门维护，企业不能修改`, { field });
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

function publicFields(row: EnterpriseRow) {
  const { searchText: _s, searchVector: _v, ...rest } = row;
  return rest;
}

const IGNORED_IN_DIFF = new Set(['version', 'updatedAt', 'searchText', 'searchVector']);

function changedFields(before: EnterpriseRow, after: EnterpriseRow) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof EnterpriseRow)[]) {
    if (IGNORED_IN_DIFF.has(key)) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
