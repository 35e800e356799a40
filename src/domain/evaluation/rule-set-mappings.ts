// How correctable rule sets relate to tiers and to the rule sets stored on results (pure).
import { selectRuleSet } from './evaluate.js';
import { type CorrectableRuleSet, SHIPPED_PARAMETERS } from './parameters.js';
import type { ApplicationType, Tier } from './types.js';

/** The tier each correctable rule set evaluates. */
export const TIER_OF: Record<CorrectableRuleSet, Tier> = {
  'innovative-2022': 'innovative',
  'srdi-2022': 'srdi',
  'little-giant-2022': 'little_giant',
  'srdi-2026': 'srdi',
  'little-giant-2026': 'little_giant',
  'little-giant-2018': 'little_giant',
};

/** The stored rule sets a correction of `id` touches: the 2026 bottom tier runs the 2022 innovative table. */
export const STORED_RULE_SETS: Record<CorrectableRuleSet, string[]> = {
  'innovative-2022': ['innovative-2022', 'bottom-2026'],
  'srdi-2022': ['srdi-2022'],
  'little-giant-2022': ['little-giant-2022'],
  'srdi-2026': ['srdi-2026'],
  'little-giant-2026': ['little-giant-2026'],
  'little-giant-2018': ['little-giant-2018'],
};

export function isCorrectable(id: string): id is CorrectableRuleSet {
  // Own keys only: `in` would take "constructor" and "toString" for rule sets.
  return Object.hasOwn(SHIPPED_PARAMETERS, id);
}

/** A stored rule set without its version: "srdi-2022@v2" → "srdi-2022". */
export function baseRuleSet(stored: string): string {
  return stored.split('@')[0];
}

/** The application type that selects the stored rule set on its date (2026 rules: new; the 2022 tables: 复核). */
export function applicationTypeOf(tier: Tier, ruleSet: string, assessmentDate: string): ApplicationType {
  return selectRuleSet(tier, assessmentDate, 'new') === baseRuleSet(ruleSet) ? 'new' : 'review';
}
