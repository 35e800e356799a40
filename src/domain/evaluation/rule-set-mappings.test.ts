import { describe, expect, it } from 'vitest';
import { SHIPPED_PARAMETERS } from './parameters.js';
import { applicationTypeOf, baseRuleSet, isCorrectable, STORED_RULE_SETS, TIER_OF } from './rule-set-mappings.js';

describe('rule-set mappings', () => {
  it('knows every correctable rule set, and nothing else (not even Object.prototype keys)', () => {
    for (const id of Object.keys(SHIPPED_PARAMETERS)) {
      expect(isCorrectable(id)).toBe(true);
      expect(TIER_OF[id as keyof typeof TIER_OF]).toBeDefined();
      expect(STORED_RULE_SETS[id as keyof typeof STORED_RULE_SETS]).toContain(id);
    }
    for (const id of ['bottom-2026', 'constructor', 'toString', '__proto__', 'srdi-2022@v2']) expect(isCorrectable(id)).toBe(false);
  });

  it('corrects the 2026 bottom tier through the 2022 innovative table', () => {
    expect(STORED_RULE_SETS['innovative-2022']).toEqual(['innovative-2022', 'bottom-2026']);
    expect(TIER_OF['little-giant-2018']).toBe('little_giant');
  });

  it('reads a stored rule set without its version', () => {
    expect(baseRuleSet('srdi-2022@v3')).toBe('srdi-2022');
    expect(baseRuleSet('srdi-2026')).toBe('srdi-2026');
  });

  it('finds the application type that selected a stored rule set on its date', () => {
    expect(applicationTypeOf('srdi', 'srdi-2026', '2026-06-01')).toBe('new');
    expect(applicationTypeOf('srdi', 'srdi-2022@v2', '2026-06-01')).toBe('review');
    expect(applicationTypeOf('srdi', 'srdi-2022', '2025-06-01')).toBe('new');
    expect(applicationTypeOf('innovative', 'bottom-2026', '2026-06-01')).toBe('new');
  });
});
