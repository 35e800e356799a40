// An enterprise's record as answered and as audited.
import { YEAR_FIELDS } from '../../domain/enterprise-rules.js';
import type { YearInput } from './check-enterprise-input.js';
import type { EnterpriseRow } from './enterprises.repo.js';

export const yearRow = (y: YearInput) => ({ year: y.year, ...Object.fromEntries(YEAR_FIELDS.map((f) => [f, y[f] ?? null])) });

export function publicFields(row: EnterpriseRow) {
  const { searchText: _s, searchVector: _v, ...rest } = row;
  return rest;
}

const IGNORED_IN_DIFF = new Set(['version', 'updatedAt', 'searchText', 'searchVector']);

export function changedFields(before: EnterpriseRow, after: EnterpriseRow) {
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
