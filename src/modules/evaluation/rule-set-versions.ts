// Correcting a rule set's parameters: see the effect first (how many results would change, by
// district), then publish a new version, audited. Evaluations use the latest published version.
import { desc, eq, sql } from 'drizzle-orm';
import { ruleSetVersions } from '../../db/schema/index.js';
import { evaluateTier, selectRuleSet } from '../../domain/evaluation/evaluate.js';
import {
  type CorrectableRuleSet,
  type Corrections,
  disorderedBands,
  numericParameters,
  parameterLabel,
  SHIPPED_PARAMETERS,
} from '../../domain/evaluation/parameters.js';
import type { Tier } from '../../domain/evaluation/types.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { AppError, notFound } from '../../server/errors.js';
import { evaluationFeed, yearsFor } from '../enterprises/evaluation-feed.js';
import { listDistricts } from '../reference/list-reference.js';
import { inputFromRegistry } from './registry-input.js';

const TIER_OF: Record<CorrectableRuleSet, Tier> = {
  'innovative-2022': 'innovative',
  'srdi-2022': 'srdi',
  'little-giant-2022': 'little_giant',
  'srdi-2026': 'srdi',
  'little-giant-2026': 'little_giant',
  'little-giant-2018': 'little_giant',
};

export function isCorrectable(id: string): id is CorrectableRuleSet {
  // Own keys only: `in` would take "constructor" and "toString" for rule sets.
  return Object.hasOwn(SHIPPED_PARAMETERS, id);
}

/** The latest published corrections of every rule set (empty when none were published). */
export async function currentCorrections(ctx: AppContext): Promise<Corrections> {
  const rows = await ctx.db
    .select()
    .from(ruleSetVersions)
    .where(
      sql`(${ruleSetVersions.ruleSet}, ${ruleSetVersions.version}) in (select rule_set, max(version) from rule_set_versions group by rule_set)`,
    );
  return Object.fromEntries(rows.map((r) => [r.ruleSet, { version: r.version, values: r.values as Record<string, number> }]));
}

/** Far above any threshold of the rules (the largest is 4 亿元), far below what overflows a product of two. */
const MAX_PARAMETER = 1e12;

/** The values must name known parameters, be numbers ≥ 0, and keep every band table in order (with the published corrections). */
function checkValues(ruleSet: string, values: Record<string, number>, published: Corrections) {
  if (!isCorrectable(ruleSet)) throw notFound();
  const known = new Map(numericParameters(ruleSet));
  for (const [path, value] of Object.entries(values)) {
    if (!known.has(path)) throw new AppError('PARAMETER_UNKNOWN', 400, `规则集 ${ruleSet} 没有参数 ${path}`, { field: path });
    // Bounded: 1e308 passed as "finite", then overflowed the exact comparisons (a 500 in every evaluation after publication).
    if (!Number.isFinite(value) || value < 0 || value > MAX_PARAMETER)
      throw new AppError('PARAMETER_INVALID', 400, `参数“${parameterLabel(path)}”应为 0 至 1 万亿之间的数`, { field: path });
  }
  const disordered = disorderedBands(ruleSet, { ...published[ruleSet]?.values, ...values });
  if (disordered.length)
    throw new AppError(
      'PARAMETER_BANDS_ORDER',
      400,
      `修正后“${disordered.join('”“')}”的各档次序不对：高分档的门槛须比低分档更严格，得分须更高`,
      { tables: disordered },
    );
  return ruleSet;
}

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

/** The stored rule sets a correction of `id` touches: the 2026 bottom tier runs the 2022 innovative table. */
const STORED_RULE_SETS: Record<CorrectableRuleSet, string[]> = {
  'innovative-2022': ['innovative-2022', 'bottom-2026'],
  'srdi-2022': ['srdi-2022'],
  'little-giant-2022': ['little-giant-2022'],
  'srdi-2026': ['srdi-2026'],
  'little-giant-2026': ['little-giant-2026'],
  'little-giant-2018': ['little-giant-2018'],
};

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
  const id = checkValues(ruleSet, values, now);
  const next: Corrections = { ...now, [id]: { version: (now[id]?.version ?? 1) + 1, values: { ...now[id]?.values, ...values } } };
  const storedRows = await ctx.database.query<
    { enterprise_id: string } & Record<'tier' | 'rule_set' | 'assessment_date' | 'outcome', string>
  >(
    `select enterprise_id, tier, rule_set, assessment_date::text, outcome from evaluation_results
      where split_part(rule_set, '@', 1) = any($1::text[])`,
    [STORED_RULE_SETS[id]],
  );
  const stored = new Map<string, StoredOutcome[]>();
  for (const r of storedRows) {
    const list = stored.get(r.enterprise_id) ?? [];
    list.push({ tier: r.tier as Tier, ruleSet: r.rule_set.split('@')[0], assessmentDate: r.assessment_date, outcome: r.outcome });
    stored.set(r.enterprise_id, list);
  }
  const rows = new Map<string, { districtCode: string; tier: Tier; toQualified: number; toNotQualified: number; other: number }>();
  let evaluated = 0;
  let outdated = 0;
  if (stored.size) {
    const dates = [...new Set(storedRows.map((r) => r.assessment_date))];
    for await (const page of evaluationFeed(ctx, who, yearsFor(...dates))) {
      for (const record of page) {
        for (const s of stored.get(record.id) ?? []) {
          // The application type that selects the stored rule set on its date (2026 rules: new; 2022 tables: 复核).
          const applicationType = selectRuleSet(s.tier, s.assessmentDate, 'new') === s.ruleSet ? 'new' : 'review';
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

export async function publishCorrection(
  ctx: AppContext,
  actor: Actor | null,
  ruleSet: string,
  values: Record<string, number>,
  note: string,
) {
  const who = requireAccess(actor, 'ruleset.publish');
  if (!isCorrectable(ruleSet)) throw notFound();
  return ctx.db.transaction(async (tx) => {
    const [latest] = await tx
      .select()
      .from(ruleSetVersions)
      .where(eq(ruleSetVersions.ruleSet, ruleSet))
      .orderBy(desc(ruleSetVersions.version))
      .limit(1);
    // Checked against the latest version inside the transaction: the merged table must stay in order.
    const published = latest ? { [ruleSet]: { version: latest.version, values: latest.values as Record<string, number> } } : {};
    const id = checkValues(ruleSet, values, published);
    const merged = { ...(latest?.values as Record<string, number> | undefined), ...values };
    const version = (latest?.version ?? 1) + 1;
    await tx.insert(ruleSetVersions).values({ ruleSet: id, version, values: merged, note, publishedBy: who.userId });
    await writeAudit(tx, who, {
      action: 'ruleset.publish',
      entityType: 'rule_set',
      entityId: `${id}@v${version}`,
      before: latest?.values ?? {},
      after: { values: merged, note },
    });
    return { ruleSet: id, version };
  });
}
