import { todayInShanghai } from '../../domain/dates.js';
import { isTargetIndicator, TARGET_INDICATORS } from '../../domain/targets/indicators.js';
import { splitByShare } from '../../domain/targets/progress.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import {
  countEnterprisesByPlace,
  countHonourHolders,
  countListingStage,
  countTitleHolders,
  type PlaceCount,
} from '../enterprises/registry-counts.repo.js';
import { selectDistricts } from '../reference/reference.repo.js';
import { targetCityMissing, targetIndicatorUnknown } from './targets.errors.js';
import { selectTargets } from './targets.repo.js';
import type { SplitView } from './targets.schemas.js';

/**
 * The city target of an indicator and year split over the 38 区县 by each one's share of the pool
 * today: the enterprises holding the indicator (valid titles, honours, listed), or, where none does
 * yet anywhere, the enterprises of the registry. Largest remainder: the parts add up to the city
 * value. Functional zones overlap their districts and take no part (their targets are set by hand).
 * The city sees every district; a district officer its own row.
 */
export async function suggestTargetSplit(ctx: AppContext, actor: Actor | null, indicator: string, year: number): Promise<SplitView> {
  const reader = requireAccess(actor, 'targets.read');
  if (!isTargetIndicator(indicator)) throw targetIndicatorUnknown(indicator);
  const def = TARGET_INDICATORS[indicator];
  const all = await selectTargets(ctx.db, year);
  const city = all.find((t) => t.unitCode === null && t.indicator === indicator);
  if (!city) throw targetCityMissing(def.label, year);
  const today = todayInShanghai();
  const source = def.source;
  let counts: PlaceCount[] =
    source.kind === 'title'
      ? await countTitleHolders(ctx.db, [source.tier], today)
      : source.kind === 'honour'
        ? await countHonourHolders(ctx.db, [source.honour], today)
        : await countListingStage(ctx.db, 'listed', today);
  let poolLabel = `现有${def.label}`;
  if (counts.reduce((s, c) => s + c.n, 0) === 0) {
    counts = await countEnterprisesByPlace(ctx.db);
    poolLabel = '企业库企业';
  }
  const byDistrict = new Map<string, number>();
  for (const c of counts) byDistrict.set(c.districtCode, (byDistrict.get(c.districtCode) ?? 0) + c.n);
  const districts = (await selectDistricts(ctx.db)).filter((d) => d.kind !== 'zone');
  const parts = splitByShare(
    city.value,
    districts.map((d) => ({ key: d.code, weight: byDistrict.get(d.code) ?? 0 })),
  );
  const suggested = new Map(parts.map((p) => [p.key, p.value]));
  const current = new Map(all.filter((t) => t.indicator === indicator && t.unitCode).map((t) => [t.unitCode as string, t]));
  const visible = reader.role === 'city_admin' ? districts : districts.filter((d) => d.code === reader.districtCode);
  return {
    indicator,
    indicatorLabel: def.label,
    year,
    measure: city.measure === 'new' ? 'new' : 'stock',
    cityValue: city.value,
    baselineOn: city.baselineOn,
    poolLabel,
    rows: visible.map((d) => ({
      unitCode: d.code,
      unitName: d.name,
      pool: byDistrict.get(d.code) ?? 0,
      suggested: suggested.get(d.code) ?? 0,
      current: current.get(d.code)?.value ?? null,
      version: current.get(d.code)?.version ?? null,
    })),
  };
}
