import { todayInShanghai } from '../../domain/dates.js';
import { TARGET_INDICATOR_KEYS, TARGET_INDICATORS } from '../../domain/targets/indicators.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { selectDistricts } from '../reference/reference.repo.js';
import { CITY_NAME, loadTargetProgress } from './load-target-progress.js';
import type { TargetsView } from './targets.schemas.js';

/** The day a year's progress is read at: today, or 31 December once the year is over. */
export function progressDay(year: number, today = todayInShanghai()): string {
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

/**
 * The targets of a year with their progress, in the reader's scope: the city sees every unit; a
 * district the city's targets and its own (the city's rows without their list: its enterprise
 * list would show only its own part of them).
 */
export async function listTargets(ctx: AppContext, actor: Actor | null, year: number): Promise<TargetsView> {
  const reader = requireAccess(actor, 'targets.read');
  const own = reader.role === 'district_admin' ? reader.districtCode : null;
  const asOf = progressDay(year);
  const [items, places] = await Promise.all([
    loadTargetProgress(ctx.db, { year, asOf, unitCodes: reader.role === 'city_admin' ? undefined : [null, own ?? ''] }),
    selectDistricts(ctx.db),
  ]);
  const city = reader.role === 'city_admin';
  const units = [
    { code: null, name: CITY_NAME, editable: city },
    ...places.filter((p) => city || p.code === own).map((p) => ({ code: p.code, name: p.name, editable: city || p.code === own })),
  ];
  return {
    year,
    asOf,
    units,
    items: items.map((t) => ({ ...t, rowsUrl: city || t.unitCode === own ? t.rowsUrl : null })),
    indicators: TARGET_INDICATOR_KEYS.map((key) => ({
      key,
      label: TARGET_INDICATORS[key].label,
      measures: TARGET_INDICATORS[key].measures,
    })),
  };
}
