import { parsePeriod } from '../../domain/monitoring/periods.js';
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { findDistrict } from '../reference/find-district.js';
import type { FigureUnit } from './aggregates.repo.js';

/**
 * Whose figures the actor reads (运行分析): the city every district, a district officer its district
 * (or its functional zone). Anyone else is told "not found". The name goes into the sentence.
 * `district` (the cockpit's choice): the city reads that district or zone; a district officer may
 * name only its own (another, or an unknown code, is "not found").
 */
export async function figureScope(
  ctx: AppContext,
  actor: Actor | null,
  district?: string,
): Promise<{ unit: FigureUnit; scopeName: string }> {
  const who = requireAccess(actor, 'monitoring.stats');
  const scope = scopeOf(who);
  if (district !== undefined && !(scope.kind === 'district' && scope.districtCode === district)) {
    const found = scope.kind === 'all' ? await findDistrict(ctx, district) : undefined;
    if (!found) throw notFound();
    return { unit: { kind: 'unit', code: found.code }, scopeName: found.name };
  }
  if (scope.kind === 'all') return { unit: { kind: 'city' }, scopeName: '全市' };
  if (scope.kind === 'district') {
    const district = await findDistrict(ctx, scope.districtCode);
    return { unit: { kind: 'unit', code: scope.districtCode }, scopeName: district?.name ?? who.districtName ?? '本区县' };
  }
  throw notFound();
}

/** 'YYYY-MM' (validated by the schema) → year and month. */
export function periodOf(text: string): { year: number; month: number } {
  const p = parsePeriod(text);
  if (!p) throw new Error(`bad period ${text}`);
  return p;
}
