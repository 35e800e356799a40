// The frozen registry data of an application beside the registry's current data (初审 side by side):
// one row per field people read, both values formatted, `changed` where they differ. Pure.
import { COUNT_FIELDS, YEAR_FIELD_LABELS, YEAR_FIELDS } from '../../../../src/domain/enterprise-rules';
import { ENTERPRISE_FIELD_LABELS, formatValue, type NameLookup, TITLE_STATUS_LABELS } from '../../../../src/domain/labels';
import { TIER_LABELS } from '../../shared/labels';

export interface DiffRow {
  key: string;
  /** 基本信息, a year's figures or 梯度称号. */
  section: string;
  label: string;
  frozen: string;
  current: string;
  changed: boolean;
}

type Snapshot = Record<string, unknown> | null | undefined;

/** Fields shown in 基本信息, in the order of the enterprise page. */
const BASIC_FIELDS = [
  'name',
  'uscc',
  'districtCode',
  'industryCode',
  'sizeClass',
  'establishedOn',
  'registeredCapital',
  'legalRepresentative',
  'address',
  'mainProduct',
  'nicheMarket',
  'nicheEntryYear',
  'listingStatus',
  'facts.ip.classI',
  'facts.ip.classIHighValue',
  'facts.ip.classISelfDeveloped',
  'facts.ip.classII',
  'facts.rdInstitution',
  'facts.digitalLevel',
  'facts.nicheMarketShare',
  'facts.domesticRank',
  'facts.mainProductField',
  'facts.quality.provincialAward',
  'facts.quality.managementCertified',
  'facts.quality.ownBrand',
  'facts.quality.standards',
  'facts.developmentScore',
] as const;

function at(obj: Snapshot, path: string): unknown {
  let v: unknown = obj;
  for (const part of path.split('.')) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

const yearsOf = (s: Snapshot) =>
  new Map(((at(s, 'years') as ({ year: number } & Record<string, unknown>)[] | undefined) ?? []).map((y) => [y.year, y]));

function titleText(t: Record<string, unknown>): string {
  const tier = TIER_LABELS[String(t.tier)] ?? '梯度称号';
  const status = TITLE_STATUS_LABELS[String(t.status)] ?? (t.status === 'under_review' ? '复核中' : '');
  const until = typeof t.validUntil === 'string' ? `，有效期至 ${t.validUntil}` : '';
  return `${tier}（${status}${until}）`;
}

export function registryDiff(frozen: Snapshot, current: Snapshot, names: NameLookup): DiffRow[] {
  const rows: DiffRow[] = [];
  const push = (section: string, key: string, label: string, a: string, b: string) =>
    rows.push({ key, section, label, frozen: a, current: b, changed: a !== b });

  for (const path of BASIC_FIELDS) {
    const def = ENTERPRISE_FIELD_LABELS[path];
    if (!def) continue;
    const a = at(frozen, path);
    const b = at(current, path);
    if ((a === undefined || a === null) && (b === undefined || b === null)) continue;
    // A year reads as a year (2016), not as a number with separators.
    const text = (v: unknown) => (path === 'nicheEntryYear' && typeof v === 'number' ? String(v) : formatValue(def.kind, v, names));
    push('基本信息', path, def.label, text(a), text(b));
  }

  const fy = yearsOf(frozen);
  const cy = yearsOf(current);
  const years = [...new Set([...fy.keys(), ...cy.keys()])].sort((x, y) => y - x);
  for (const year of years) {
    for (const field of YEAR_FIELDS) {
      const a = fy.get(year)?.[field];
      const b = cy.get(year)?.[field];
      if ((a === undefined || a === null) && (b === undefined || b === null)) continue;
      const people = COUNT_FIELDS.includes(field);
      const kind = people ? 'count' : 'money';
      push(
        `${year} 年经营情况`,
        `years.${year}.${field}`,
        `${YEAR_FIELD_LABELS[field]}${people ? '（人）' : '（万元）'}`,
        formatValue(kind, a, names),
        formatValue(kind, b, names),
      );
    }
  }

  const titles = (s: Snapshot) => ((at(s, 'titles') as Record<string, unknown>[] | undefined) ?? []).map(titleText).sort();
  const ft = titles(frozen).join('；') || '无';
  const ct = titles(current).join('；') || '无';
  push('梯度称号', 'titles', '梯度称号', ft, ct);
  return rows;
}
