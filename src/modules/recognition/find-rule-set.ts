import { selectRuleSet } from '../../domain/evaluation/evaluate.js';
import { ruleSetName } from '../../domain/evaluation/rule-set-names.js';
import type { Tier } from '../../domain/evaluation/types.js';
import { type Actor, requireAccess } from '../../server/access.js';

/** The rule set a round of this tier and type opening on `date` gets unless the city overrides it (the form shows it before saving). */
export function findRuleSet(actor: Actor | null, query: { tier: Tier; type: 'new' | 'review'; date: string }) {
  requireAccess(actor, 'recognition.rounds.manage');
  const ruleSet = selectRuleSet(query.tier, query.date, query.type);
  return { ruleSet, ruleSetName: ruleSetName(ruleSet) };
}
