import { isTargetIndicator, TARGET_INDICATORS, type TargetMeasure } from '../../domain/targets/indicators.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { selectDistrict } from '../reference/reference.repo.js';
import { listTargets } from './list-targets.js';
import {
  targetBaselineInvalid,
  targetIndicatorUnknown,
  targetMeasureUnknown,
  targetNotOwnUnit,
  targetUnitUnknown,
  targetValueInvalid,
  targetValueTooLarge,
  targetVersionConflict,
  targetVersionRequired,
} from './targets.errors.js';
import { insertTarget, selectTargetForUpdate, type TargetRow, updateTargetVersioned } from './targets.repo.js';
import type { SetTargetInput, TargetProgressView } from './targets.schemas.js';

const MAX_VALUE = 10_000_000;

const audited = (t: TargetRow) => ({
  unitCode: t.unitCode,
  indicator: t.indicator,
  measure: t.measure,
  year: t.year,
  baselineOn: t.baselineOn,
  value: t.value,
  documentNo: t.documentNo,
  source: t.source,
  note: t.note,
});

/**
 * Sets one target (creates it or changes it with the version read). The city sets any unit's; a
 * district officer only its own unit's (the city's or another district's: 403). Every refusal
 * writes nothing. The change is audited. Answers the target with its progress.
 */
export async function setTarget(ctx: AppContext, actor: Actor | null, input: SetTargetInput): Promise<TargetProgressView> {
  const officer = requireAccess(actor, 'targets.manage');
  if (officer.role !== 'city_admin' && (input.unitCode === null || input.unitCode !== officer.districtCode)) throw targetNotOwnUnit();
  if (!isTargetIndicator(input.indicator)) throw targetIndicatorUnknown(input.indicator);
  const def = TARGET_INDICATORS[input.indicator];
  if (!(def.measures as string[]).includes(input.measure)) throw targetMeasureUnknown(input.measure);
  const measure = input.measure as TargetMeasure;
  if (!Number.isInteger(input.value) || input.value < 0) throw targetValueInvalid(input.value);
  if (input.value > MAX_VALUE) throw targetValueTooLarge();
  if (input.unitCode !== null && !(await selectDistrict(ctx.db, input.unitCode))) throw targetUnitUnknown(input.unitCode);
  if (input.baselineOn && input.baselineOn > `${input.year}-12-31`) throw targetBaselineInvalid(input.baselineOn, input.year);

  const saved = await ctx.db.transaction(async (tx) => {
    const before = await selectTargetForUpdate(tx, input.unitCode, input.indicator, input.year);
    let row: TargetRow | undefined;
    if (before) {
      if (input.version === undefined) throw targetVersionRequired();
      row = await updateTargetVersioned(tx, before.id, input.version, {
        measure,
        value: input.value,
        baselineOn: input.baselineOn ?? before.baselineOn,
        documentNo: input.documentNo === undefined ? before.documentNo : input.documentNo || null,
        note: input.note === undefined ? before.note : input.note || null,
        // A published figure changed by hand is no longer the document's.
        source: before.source === 'published' && input.value === before.value && measure === before.measure ? 'published' : 'manual',
        updatedBy: officer.userId,
      });
      if (!row) throw targetVersionConflict();
    } else {
      if (input.version !== undefined) throw targetVersionConflict();
      row = await insertTarget(tx, {
        level: input.unitCode === null ? 'city' : 'district',
        unitCode: input.unitCode,
        indicator: input.indicator,
        measure,
        year: input.year,
        baselineOn: input.baselineOn ?? `${input.year}-01-01`,
        value: input.value,
        documentNo: input.documentNo || null,
        note: input.note || null,
        // A district's target without a document of its own is a split of the city's.
        source: input.unitCode !== null && !input.documentNo ? 'split' : 'manual',
        updatedBy: officer.userId,
      });
      // Someone else created it between the read and the insert.
      if (!row) throw targetVersionConflict();
    }
    await writeAudit(tx, officer, {
      action: 'target.set',
      entityType: 'target',
      entityId: row.id,
      before: before ? audited(before) : undefined,
      after: audited(row),
    });
    return row;
  });
  const view = await listTargets(ctx, officer, input.year);
  const item = view.items.find((t) => t.id === saved.id);
  if (!item) throw new Error('setTarget: the saved target is not in its own list');
  return item;
}
