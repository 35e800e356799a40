import type { DbOrTx } from '../../db/database.js';
import { todayInShanghai } from '../../domain/dates.js';
import {
  indicatorLabel,
  isTargetIndicator,
  TARGET_INDICATORS,
  type TargetIndicator,
  type TargetMeasure,
} from '../../domain/targets/indicators.js';
import { completionOf, proRata, type TargetBand, targetBand } from '../../domain/targets/progress.js';
import { countHonourHolders, countListingStage, countTitleHolders, type PlaceCount } from '../enterprises/registry-counts.repo.js';
import { selectDistricts } from '../reference/reference.repo.js';
import { selectTargets, type TargetRow } from './targets.repo.js';

export interface TargetProgress {
  id: string;
  level: 'city' | 'district';
  unitCode: string | null;
  unitName: string;
  indicator: TargetIndicator;
  indicatorLabel: string;
  measure: TargetMeasure;
  year: number;
  baselineOn: string;
  value: number;
  /** Counted from the registry and recognition at asOf, never typed. */
  actual: number;
  /** actual ÷ value, e.g. 0.84. */
  completion: number;
  /** The elapsed share of the period (baseline → 31 December of the year), 0..1. */
  proRata: number;
  /** value × proRata, rounded: what should be reached by asOf. */
  expected: number;
  band: TargetBand;
  documentNo: string | null;
  source: string;
  note: string | null;
  version: number;
  /** The enterprise list (API path) whose total is `actual`, for a reader who sees the unit's enterprises. */
  rowsUrl: string;
}

export const CITY_NAME = '全市';

/** The key a count is grouped under: one query per family and baseline, whatever the number of units. */
const countKey = (t: TargetRow) => `${t.indicator}|${t.measure === 'new' ? t.baselineOn : ''}`;

/** The enterprise list filters for the rows behind a target's count (see registry-counts.repo.ts). */
export function rowsFilter(indicator: TargetIndicator, measure: string, baselineOn: string, asOf: string, unitCode: string | null) {
  const source = TARGET_INDICATORS[indicator].source;
  const params = new URLSearchParams();
  if (unitCode) params.set('district', unitCode);
  const since = measure === 'new' ? baselineOn : undefined;
  if (source.kind === 'title') {
    params.set('title', source.tier);
    if (since) params.set('titleSince', since);
  } else if (source.kind === 'honour') {
    params.set('honour', source.honour);
    if (since) params.set('honourSince', since);
  } else {
    params.set('listingStage', 'listed');
    if (since) params.set('listingSince', since);
  }
  if (asOf !== todayInShanghai()) params.set('on', asOf);
  return `/api/enterprises?${params.toString()}`;
}

/** Counts per place for every distinct (indicator, baseline of a 'new' target): one statement per family and baseline. */
async function countsFor(db: DbOrTx, rows: TargetRow[], asOf: string): Promise<Map<string, PlaceCount[]>> {
  const wanted = new Map<string, TargetRow>();
  for (const t of rows) if (isTargetIndicator(t.indicator)) wanted.set(countKey(t), t);
  // Group by family and since: titles of several tiers share one statement, honours of several kinds too.
  const families = new Map<string, { kind: 'title' | 'honour' | 'listing'; since?: string; keys: string[] }>();
  for (const t of wanted.values()) {
    const source = TARGET_INDICATORS[t.indicator as TargetIndicator].source;
    const since = t.measure === 'new' ? t.baselineOn : undefined;
    const familyKey = `${source.kind}|${since ?? ''}`;
    const family = families.get(familyKey) ?? { kind: source.kind, since, keys: [] };
    family.keys.push(source.kind === 'title' ? source.tier : source.kind === 'honour' ? source.honour : 'listed');
    families.set(familyKey, family);
  }
  const out = new Map<string, PlaceCount[]>();
  // One after the other: the 通报's publication calls this inside its transaction (one connection).
  for (const f of families.values()) {
    const counts =
      f.kind === 'title'
        ? await countTitleHolders(db, f.keys, asOf, f.since)
        : f.kind === 'honour'
          ? await countHonourHolders(db, f.keys, asOf, f.since)
          : await countListingStage(db, 'listed', asOf, f.since);
    out.set(`${f.kind}|${f.since ?? ''}`, counts);
  }
  return out;
}

/** The count of a key for the city (every place) or one unit (its district or functional zone). */
export function countOfUnit(counts: PlaceCount[], key: string, unitCode: string | null): number {
  let n = 0;
  for (const c of counts) if (c.key === key && (unitCode === null || c.districtCode === unitCode || c.zoneCode === unitCode)) n += c.n;
  return n;
}

/**
 * The progress of the targets of a year at `asOf`, computed from the registry (titles valid at the
 * day or new since the baseline, honours by kind, the listing stage 上市). No actor: for the
 * targets page, the 通报, the cockpit and the workbench, which check access themselves.
 */
export async function loadTargetProgress(
  db: DbOrTx,
  opts: { year: number; asOf: string; unitCodes?: (string | null)[] },
): Promise<TargetProgress[]> {
  const rows = await selectTargets(db, opts.year, opts.unitCodes);
  const places = await selectDistricts(db);
  const known = rows.filter((t) => isTargetIndicator(t.indicator));
  const counts = await countsFor(db, known, opts.asOf);
  const names = new Map(places.map((p) => [p.code, p.name]));
  const order = new Map(places.map((p) => [p.code, p.sortOrder]));
  const progress = known.map((t): TargetProgress => {
    const indicator = t.indicator as TargetIndicator;
    const source = TARGET_INDICATORS[indicator].source;
    const since = t.measure === 'new' ? t.baselineOn : undefined;
    const key = source.kind === 'title' ? source.tier : source.kind === 'honour' ? source.honour : 'listed';
    const actual = countOfUnit(counts.get(`${source.kind}|${since ?? ''}`) ?? [], key, t.unitCode);
    const share = proRata(t.baselineOn, t.year, opts.asOf);
    const completion = completionOf(actual, t.value);
    return {
      id: t.id,
      level: t.unitCode === null ? 'city' : 'district',
      unitCode: t.unitCode,
      unitName: t.unitCode === null ? CITY_NAME : (names.get(t.unitCode) ?? t.unitCode),
      indicator,
      indicatorLabel: indicatorLabel(indicator, t.measure),
      measure: t.measure === 'new' ? 'new' : 'stock',
      year: t.year,
      baselineOn: t.baselineOn,
      value: t.value,
      actual,
      completion,
      proRata: share,
      expected: Math.round(t.value * share),
      band: targetBand(completion, share),
      documentNo: t.documentNo,
      source: t.source,
      note: t.note,
      version: t.version,
      rowsUrl: rowsFilter(indicator, t.measure, t.baselineOn, opts.asOf, t.unitCode),
    };
  });
  const indicatorOrder = (k: string) => Object.keys(TARGET_INDICATORS).indexOf(k);
  return progress.sort(
    (a, b) =>
      (a.unitCode === null ? -1 : (order.get(a.unitCode) ?? 999)) - (b.unitCode === null ? -1 : (order.get(b.unitCode) ?? 999)) ||
      indicatorOrder(a.indicator) - indicatorOrder(b.indicator),
  );
}
