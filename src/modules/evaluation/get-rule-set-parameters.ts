import { numericParameters, parameterLabel } from '../../domain/evaluation/parameters.js';
import { isCorrectable } from '../../domain/evaluation/rule-set-mappings.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { currentCorrections } from './load-corrections.js';

/** A rule set's numeric parameters: shipped and current value of each. */
export async function parametersOf(ctx: AppContext, actor: Actor | null, ruleSet: string) {
  requireAccess(actor, 'evaluation.pool');
  if (!isCorrectable(ruleSet)) throw notFound();
  const current = (await currentCorrections(ctx))[ruleSet];
  return {
    ruleSet,
    version: current?.version ?? 1,
    parameters: numericParameters(ruleSet).map(([path, shipped]) => ({
      path,
      label: parameterLabel(path),
      shipped,
      current: current?.values[path] ?? shipped,
    })),
  };
}
