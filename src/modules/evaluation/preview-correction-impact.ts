// Correcting a rule set's parameters, first step: see the effect (how many stored results would
// change, by district) before publishing a new version (publish-rule-set-correction.ts).

import { yearsFor } from '../../domain/evaluation/assessment-years.js';
import { evaluateTier } from '../../domain/evaluation/evaluate.js';
import type { Corrections } from '../../domain/evaluation/parameters.js';
import { applicationTypeOf, baseRuleSet, STORED_RULE_SETS, TIER_OF } from '../../domain/evaluation/rule-set-mappings.js';
import type { Tier } from '../../domain/evaluation/types.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { evaluationFeed } from '../enterprises/evaluation-feed.js';
import { listDistricts } from '../reference/list-districts.js';
import { checkCorrectionValues } from './check-correction-values.js';
import { currentCorrections } from './load-corrections.js';
import { inputFromRegistry } from './registry-input.js';
import { selectStoredOutcomes } from './rule-sets.repo.js';

interface StoredOutcome {
  tier: Tier;
  ruleSet: string;
  assessmentDate: string;
  outcome: string;
}

/**
 * How many stored results would change if the correction were published: each stored result of
 * the rule set (any version) is evaluated again on the enterprise's current data, with the current
 * and with the corrected parameters, at its own assessment date (scores only: nothing is stored).
 * A result the correction turns is counted by district and tier; one that differs already with the
 * current parameters (the data changed since the run) is counted apart as outdated.
 */
export async function previewImpact(ctx: AppContext, actor: Actor | null, ruleSet: string, values: Record<string, number>) {
  const who = requireAccess(actor, 'ruleset.publish');
  const now = await currentCorrections(ctx);
  const id = checkCorrectionValues(ruleSet, values, now);
  const next: Corrections = { ...now, [id]: { version: (now[id]?.version ?? 1) + 1, values: { ...now[id]?.values, ...values } } };
  const storedRows = await selectStoredOutcomes(ctx.db, STORED_RULE_SETS[id]);
  const stored = new Map<string, StoredOutcome[]>();
  for (const r of storedRows) {
    const list = stored.get(r.enterpriseId) ?? [];
    list.push({ tier: r.tier as Tier, ruleSet: baseRuleSet(r.ruleSet), assessmentDate: r.assessmentDate, outcome: r.outcome });
    stored.set(r.enterpriseId, list);
  }
  const rows = new Map<string, { districtCode: string; tier: Tier; toQualified: number; toNotQualified: number; other: number }>();
  let evaluated = 0;
  let outdated = 0;
  if (stored.size) {
    const dates = [...new Set(storedRows.map((r) => r.assessmentDate))];
    for await (const page of evaluationFeed(ctx, who, yearsFor(...dates))) {
      for (const record of page) {
        for (const s of stored.get(record.id) ?? []) {
          const applicationType = applicationTypeOf(s.tier, s.ruleSet, s.assessmentDate);
          const input = { ...inputFromRegistry(record, s.assessmentDate), applicationType } as const;
          const before = evaluateTier(input, s.tier, now, false).outcome;
          const after = evaluateTier(input, s.tier, next, false).outcome;
          evaluated++;
          if (before !== s.outcome) outdated++;
          if (before !== s.outcome || after === s.outcome) continue;
          const key = `${record.districtCode}|${s.tier}`;
          const row = rows.get(key) ?? { districtCode: record.districtCode, tier: s.tier, toQualified: 0, toNotQualified: 0, other: 0 };
          if (after === 'qualified') row.toQualified++;
          else if (s.outcome === 'qualified') row.toNotQualified++;
          else row.other++;
          rows.set(key, row);
        }
      }
    }
  }
  const names = new Map((await listDistricts(ctx, who)).map((d) => [d.code, d.name]));
  const districts = [...rows.values()]
    .map((r) => ({ ...r, districtName: names.get(r.districtCode) ?? r.districtCode }))
    .sort((a, b) => a.districtCode.localeCompare(b.districtCode) || a.tier.localeCompare(b.tier));
  return {
    ruleSet: id,
    tier: TIER_OF[id],
    stored: storedRows.length,
    evaluated,
    changed: districts.reduce((s, d) => s + d.toQualified + d.toNotQualified + d.other, 0),
    outdated,
    districts,
  };
}
