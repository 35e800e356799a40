// The checks of an enterprise's record before it is created or changed: USCC, place, years, dates.
import { todayInShanghai } from '../../domain/dates.js';
import { checkYearValues, type YearValues } from '../../domain/enterprise-rules.js';
import { checkEstablishedOn, checkNicheEntryYear } from '../../domain/field-rules.js';
import { checkUscc, normalizeUscc } from '../../domain/uscc.js';
import { type Actor, can } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { requireDistrict } from '../reference/check-reference-codes.js';
import {
  districtIsZone,
  fieldInvalid,
  notAZone,
  usccCheckDigitInvalid,
  usccFormatInvalid,
  usccRegistered,
  usccRegisteredElsewhere,
  yearDuplicate,
} from './enterprises.errors.js';
import { type EnterpriseInsert, selectEnterpriseByUscc } from './enterprises.repo.js';

export type YearInput = { year: number } & YearValues;

export interface EnterpriseInput extends Partial<Omit<EnterpriseInsert, 'id' | 'version' | 'searchText' | 'searchVector'>> {
  usccOverrideReason?: string;
  years?: YearInput[];
}

/** The USCC normalised and checked; a city administrator may accept a failing check digit with a reason. */
export async function checkUsccFor(ctx: AppContext, actor: Actor, raw: string, overrideReason: string | undefined, selfId?: string) {
  const uscc = normalizeUscc(raw);
  const problem = checkUscc(uscc);
  if (problem === 'format') {
    throw usccFormatInvalid();
  }
  let reason: string | null = null;
  if (problem === 'check_digit') {
    if (actor.role !== 'city_admin' || !overrideReason) {
      throw usccCheckDigitInvalid(uscc);
    }
    reason = overrideReason;
  }
  const existing = await selectEnterpriseByUscc(ctx.db, uscc);
  if (existing && existing.id !== selfId) {
    // Outside the actor's scope the answer must not name the enterprise (nor link to it).
    const target = { enterpriseId: existing.id, districtCode: existing.districtCode, zoneCode: existing.zoneCode };
    if (!can(actor, 'enterprise.read', target)) {
      throw usccRegisteredElsewhere();
    }
    throw usccRegistered(uscc, existing);
  }
  return { uscc, usccOverrideReason: reason };
}

/** District and zone: both must exist, the district must be a 区县 and the zone a functional zone. */
export async function checkPlace(ctx: AppContext, districtCode: string, zoneCode: string | null | undefined) {
  const district = await requireDistrict(ctx, districtCode, 'districtCode');
  if (district.kind === 'zone') throw districtIsZone(district.name);
  if (zoneCode) {
    const zone = await requireDistrict(ctx, zoneCode, 'zoneCode');
    if (zone.kind !== 'zone') throw notAZone(zone.name);
  }
}

export function checkYears(years: YearInput[]) {
  const currentYear = Number(todayInShanghai().slice(0, 4));
  const seen = new Set<number>();
  for (const [i, y] of years.entries()) {
    if (seen.has(y.year)) throw yearDuplicate(y.year, i);
    seen.add(y.year);
    const [problem] = checkYearValues(y.year, y, currentYear);
    if (problem) throw fieldInvalid(problem.code, `years.${i}.${problem.field}`, `${y.year} 年度：${problem.message}`);
  }
}

/** The date and year rules of domain/field-rules.ts; on an edit, against the stored record for what the input leaves out. */
export function checkDates(input: EnterpriseInput, stored?: { establishedOn: string | null; nicheEntryYear: number | null }) {
  const today = todayInShanghai();
  if (input.establishedOn) {
    const p = checkEstablishedOn(input.establishedOn, today);
    if (p) throw fieldInvalid(p.code, 'establishedOn', `成立日期${p.message}`);
  }
  // Refused, not clamped: a later year saved as this year would change the evaluation silently.
  const nicheEntryYear = input.nicheEntryYear === undefined ? stored?.nicheEntryYear : input.nicheEntryYear;
  if (nicheEntryYear != null && (input.nicheEntryYear != null || input.establishedOn)) {
    const establishedOn = input.establishedOn ?? stored?.establishedOn;
    const p = checkNicheEntryYear(nicheEntryYear, { currentYear: Number(today.slice(0, 4)), establishedOn });
    if (p) throw fieldInvalid(p.code, 'nicheEntryYear', `进入细分市场年份${p.message}`);
  }
}
