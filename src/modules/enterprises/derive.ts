import { YEAR_FIELDS, type YearValues } from '../../domain/enterprise-rules.js';
import { searchTextOf } from '../../domain/name-search.js';
import { classifySize, type SizeClass, sectorOfIndustry, sizeMetricsOf } from '../../domain/sme-size.js';

/** Columns that follow from others: kept in the row so that lists can filter and sort on them. */
export function deriveFromName(name: string) {
  return { searchText: searchTextOf(name) };
}

export function deriveFromIndustry(industryCode: string | null | undefined) {
  return { sector: industryCode ? sectorOfIndustry(industryCode) : 'other' };
}

/** Latest year with data, its revenue, and the size class it gives (null when a metric the rule needs is missing). */
export function deriveSize(
  industryCode: string | null | undefined,
  years: ({ year: number } & YearValues)[],
): { latestYear: number | null; latestRevenue: number | null; sizeClass: SizeClass | null } {
  const withData = years.filter((y) => YEAR_FIELDS.some((f) => y[f] != null));
  if (!withData.length) return { latestYear: null, latestRevenue: null, sizeClass: null };
  const latest = withData.reduce((a, b) => (b.year > a.year ? b : a));
  const sector = industryCode ? sectorOfIndustry(industryCode) : 'other';
  // Only the figures the sector's rule uses must be there.
  const latestRevenue = latest.revenue ?? null;
  if (sizeMetricsOf(sector).some((m) => latest[m] == null)) return { latestYear: latest.year, latestRevenue, sizeClass: null };
  return {
    latestYear: latest.year,
    latestRevenue,
    sizeClass: classifySize(sector, {
      employees: latest.employees ?? 0,
      revenue: latest.revenue ?? 0,
      totalAssets: latest.totalAssets ?? 0,
    }),
  };
}
