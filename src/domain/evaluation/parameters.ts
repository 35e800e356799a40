// Rule-set parameters an officer may correct without a release (criteria.md, Decision 6): every
// numeric threshold of a rule set, addressed by its path ("minRdRatio", "direct.avgRd2y"), with
// corrections applied over the shipped values. Bands stay as shipped (they are tables, not numbers).
import { INNOVATIVE_2022 } from './innovative-2022.js';
import { LITTLE_GIANT_2018 } from './little-giant-2018.js';
import { LITTLE_GIANT_2022 } from './little-giant-2022.js';
import { LITTLE_GIANT_2026, SRDI_2026 } from './rules-2026.js';
import { SRDI_2022 } from './srdi-2022.js';

export const SHIPPED_PARAMETERS = {
  'innovative-2022': INNOVATIVE_2022,
  'srdi-2022': SRDI_2022,
  'little-giant-2022': LITTLE_GIANT_2022,
  'srdi-2026': SRDI_2026,
  'little-giant-2026': LITTLE_GIANT_2026,
  'little-giant-2018': LITTLE_GIANT_2018,
} as const;
export type CorrectableRuleSet = keyof typeof SHIPPED_PARAMETERS;

/** Corrections per rule set: path → number, plus the version they make. */
export interface RuleSetCorrections {
  version: number;
  values: Record<string, number>;
}
export type Corrections = Partial<Record<CorrectableRuleSet, RuleSetCorrections>>;

/** The numeric parameters of a rule set, flattened: [path, value]. */
export function numericParameters(ruleSet: CorrectableRuleSet): [string, number][] {
  const out: [string, number][] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number') out.push([path, value]);
    else if (value && typeof value === 'object' && !Array.isArray(value))
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(SHIPPED_PARAMETERS[ruleSet], '');
  return out;
}

/** The parameters with the corrections applied (a fresh object; the shipped one is never changed). */
export function applyCorrections<T>(shipped: T, values: Record<string, number> | undefined): T {
  if (!values || !Object.keys(values).length) return shipped;
  const copy = structuredClone(shipped) as Record<string, unknown>;
  for (const [path, value] of Object.entries(values)) {
    const keys = path.split('.');
    let node = copy;
    for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
    node[keys[keys.length - 1]] = value;
  }
  return copy as T;
}
