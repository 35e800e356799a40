import { describe, expect, it } from 'vitest';
import { describeRuleSets } from './catalog.js';
import { evaluate } from './evaluate.js';
import { sampleInput, withEnterprise } from './fixtures.js';
import { type CorrectableRuleSet, numericParameters, parameterLabel, SHIPPED_PARAMETERS } from './parameters.js';
import { ruleSetName } from './rule-set-names.js';

/** Codes a person must never read (snake_case and enum values, rule ids, the notes' file names), and straight quotes. */
const INTERNAL =
  /\b[a-z]+(?:_[a-z]+)+\b|\bnone\b|\b(?:key_chain|six_basics|provincial|national|municipal)\b|criteria\.md|决定 \d|\b[a-z]+(?:-[a-z]+)*-\d{4}\b|[a-z][A-Z]|[\u4e00-\u9fff]"|"[\u4e00-\u9fff]/;

const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

describe('what the rule sets say to people', () => {
  it.each([
    ['2026-11-22', 'new'],
    ['2026-11-22', 'review'],
    ['2023-05-01', 'new'],
    ['2021-05-01', 'new'],
  ] as const)('explains an assessment on %s (%s) without internal codes', (assessmentDate, applicationType) => {
    for (const enterprise of [
      {},
      { rdInstitution: 'none' as const, srdiField: 'none' as const, mainProductField: 'other' as const },
      { rdInstitution: 'below_municipal' as const, srdiField: 'six_basics' as const },
    ]) {
      const result = evaluate(withEnterprise(sampleInput({ assessmentDate, applicationType }), enterprise));
      for (const r of result.results) {
        // What is shown to people (ids, statuses and categories are for programs).
        const shown = [
          ...r.indicators.flatMap((i) => [i.name, i.band, i.source, typeof i.value === 'string' ? i.value : '']),
          ...r.conditions.flatMap((c) => [c.name, c.detail, c.source, c.question ?? '']),
          ...r.missing.map((m) => m.message),
          ...(r.paths ?? []).map((p) => p.name),
          ...r.categories.map((c) => c.name),
        ];
        expect(shown.filter((s) => INTERNAL.test(s))).toEqual([]);
        expect(ruleSetName(r.ruleSet)).not.toMatch(INTERNAL);
      }
    }
  });

  it('shows the rule tables and every parameter in words', () => {
    for (const set of describeRuleSets()) {
      expect(strings({ name: set.name, appliesTo: set.appliesTo, rows: set.rows }).filter((s) => INTERNAL.test(s))).toEqual([]);
    }
    for (const ruleSet of Object.keys(SHIPPED_PARAMETERS) as CorrectableRuleSet[])
      for (const [path] of numericParameters(ruleSet)) expect(parameterLabel(path)).not.toMatch(/[A-Za-z]/);
  });

  it('says which standard met the 2026 innovative tier, with its score', () => {
    const [innovative] = evaluate(sampleInput()).results;
    expect(innovative.ruleSet).toBe('bottom-2026');
    expect(innovative.paths?.map((p) => p.name)).toEqual(['创新型评价', '科技型评价']);
    const standard = innovative.conditions.find((c) => c.id === 'standard');
    for (const p of innovative.paths ?? [])
      expect(standard?.detail).toContain(`${p.name} ${p.score ?? '—'} 分（${p.met ? '符合' : '不符合'}）`);
  });

  it('says whether the 2022 tables were met by the score or by a direct condition', () => {
    const [innovative, srdi] = evaluate(sampleInput({ applicationType: 'review' })).results;
    expect(srdi.ruleSet).toBe('srdi-2022');
    for (const r of [innovative, srdi]) {
      expect(r.paths?.map((p) => p.name)).toEqual(['评价得分', '直通条件']);
      expect(r.paths?.[0].score).toBe(r.score);
      // The pass condition says the same as the paths.
      const pass = r.conditions.find((c) => c.id === 'pass');
      expect(pass?.status === 'met').toBe(r.paths?.some((p) => p.met));
    }
  });
});
