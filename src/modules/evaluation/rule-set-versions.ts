// Correcting a rule set's parameters: see the effect first (how many results would change, by
// district), then publish a new version, audited. Evaluations use the latest published version.
import { desc, eq, sql } from 'drizzle-orm';
import { ruleSetVersions } from '../../db/schema/index.js';
import { todayInShanghai } from '../../domain/dates.js';
import { evaluateTier } from '../../domain/evaluation/evaluate.js';
import { type CorrectableRuleSet, type Corrections, numericParameters, SHIPPED_PARAMETERS } from '../../domain/evaluation/parameters.js';
import type { Tier } from '../../domain/evaluation/types.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { AppError, notFound } from '../../server/errors.js';
import { evaluationFeed } from '../enterprises/evaluation-feed.js';
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
  return id in SHIPPED_PARAMETERS;
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

function checkValues(ruleSet: string, values: Record<string, number>) {
  if (!isCorrectable(ruleSet)) throw notFound('规则集');
  const known = new Map(numericParameters(ruleSet));
  for (const [path, value] of Object.entries(values)) {
    if (!known.has(path)) throw new AppError('PARAMETER_UNKNOWN', 400, `规则集 ${ruleSet} 没有参数 ${path}`, { field: path });
    if (!Number.isFinite(value) || value < 0)
      throw new AppError('PARAMETER_INVALID', 400, `参数 ${path} 应为不小于 0 的数`, { field: path });
  }
  return ruleSet;
}

export async function parametersOf(ctx: AppContext, actor: Actor | null, ruleSet: string) {
  requireAccess(actor, 'evaluation.run');
  if (!isCorrectable(ruleSet)) throw notFound('规则集');
  const current = (await currentCorrections(ctx))[ruleSet];
  return {
    ruleSet,
    version: current?.version ?? 1,
    parameters: numericParameters(ruleSet).map(([path, shipped]) => ({ path, shipped, current: current?.values[path] ?? shipped })),
  };
}

/** Evaluates every enterprise in scope for the rule set's tier, as now and as corrected, and counts the changes by district. */
export async function previewImpact(ctx: AppContext, actor: Actor | null, ruleSet: string, values: Record<string, number>) {
  const who = requireAccess(actor, 'ruleset.publish');
  const id = checkValues(ruleSet, values);
  const now = await currentCorrections(ctx);
  const next: Corrections = { ...now, [id]: { version: (now[id]?.version ?? 1) + 1, values: { ...now[id]?.values, ...values } } };
  // Pick date and application type so that this rule set is the one selected.
  const date = id === 'little-giant-2018' ? '2022-05-31' : todayInShanghai();
  const applicationType = id.endsWith('2026') ? 'new' : 'review';
  const tier = TIER_OF[id];
  const byDistrict = new Map<string, { toQualified: number; toNotQualified: number; other: number }>();
  let evaluated = 0;
  for await (const page of evaluationFeed(ctx, who)) {
    for (const record of page) {
      const input = { ...inputFromRegistry(record, date), applicationType } as const;
      const before = evaluateTier(input, tier, now).outcome;
      const after = evaluateTier(input, tier, next).outcome;
      evaluated++;
      if (before === after) continue;
      const row = byDistrict.get(record.districtCode) ?? { toQualified: 0, toNotQualified: 0, other: 0 };
      if (after === 'qualified') row.toQualified++;
      else if (before === 'qualified') row.toNotQualified++;
      else row.other++;
      byDistrict.set(record.districtCode, row);
    }
  }
  const names = new Map((await listDistricts(ctx, who)).map((d) => [d.code, d.name]));
  const districts = [...byDistrict.entries()]
    .map(([code, r]) => ({ districtCode: code, districtName: names.get(code) ?? code, ...r }))
    .sort((a, b) => a.districtCode.localeCompare(b.districtCode));
  return {
    ruleSet: id,
    tier,
    evaluated,
    changed: districts.reduce((s, d) => s + d.toQualified + d.toNotQualified + d.other, 0),
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
  const id = checkValues(ruleSet, values);
  return ctx.db.transaction(async (tx) => {
    const [latest] = await tx
      .select()
      .from(ruleSetVersions)
      .where(eq(ruleSetVersions.ruleSet, id))
      .orderBy(desc(ruleSetVersions.version))
      .limit(1);
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
