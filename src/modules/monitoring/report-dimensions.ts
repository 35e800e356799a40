import type { DbOrTx } from '../../db/database.js';
import { SECTION_RANGES } from '../../domain/industry-sections.js';
import { type MonitoringFactsRow, selectMonitoringFacts } from '../enterprises/monitoring-facts.repo.js';

/** What a report row snapshots of its enterprise at the period's end (the figures group by these). */
export interface Dimensions {
  enterpriseName: string;
  districtCode: string;
  zoneCode: string | null;
  industryCode: string | null;
  /** 门类 letter of the industry. */
  sectionCode: string | null;
  clusterCode: string | null;
  sizeClass: string | null;
  /** little_giant | srdi | innovative | none */
  tier: string;
}

/** The GB/T 4754 section (门类) of an industry code: the letter itself, or the section whose division range holds it. */
export function sectionOfIndustry(code: string | null | undefined): string | null {
  if (!code) return null;
  if (/^[A-T]$/.test(code)) return code;
  const division = code.slice(0, 2);
  for (const [section, [from, to]] of Object.entries(SECTION_RANGES)) if (division >= from && division <= to) return section;
  return null;
}

/** The dimensions a facts row gives. */
export function dimensionsOf(r: MonitoringFactsRow): Dimensions {
  return {
    enterpriseName: r.name,
    districtCode: r.districtCode,
    zoneCode: r.zoneCode,
    industryCode: r.industryCode,
    sectionCode: sectionOfIndustry(r.industryCode),
    clusterCode: r.clusterCode,
    sizeClass: r.sizeClass,
    tier: r.tierAtDay ?? 'none',
  };
}

/** District, zone, industry, section, cluster, size and tier of many enterprises at a day (absent ones are missing). */
export async function reportDimensions(db: DbOrTx, enterpriseIds: string[], periodEnd: string): Promise<Map<string, Dimensions>> {
  const rows = await selectMonitoringFacts(db, enterpriseIds, periodEnd);
  return new Map(rows.map((r) => [r.id, dimensionsOf(r)]));
}
