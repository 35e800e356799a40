import type { DbOrTx } from '../../db/database.js';
import { YEAR_FIELDS } from '../../domain/enterprise-rules.js';
import type { Actor } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { notFound, versionConflict } from '../../server/errors.js';
import { checkYears, type YearInput } from './check-enterprise-input.js';
import { deriveSize } from './derive.js';
import { changedFields, yearRow } from './enterprise-record.js';
import { selectEnterpriseById, selectYears, updateEnterpriseVersioned, upsertYears } from './enterprises.repo.js';

/**
 * One year's indicators of an enterprise written as a registry edit does (update-enterprise.ts):
 * the year's rules checked, the row upserted, the derived columns (latest year, revenue, size class)
 * and the version moved on, and an audit row the enterprise's history shows (年度信息更新). The
 * caller has checked who may do it (the annual update: the holder itself). `alsoInTx` runs in the
 * same transaction (the update's own record), so both are written or neither.
 */
export async function updateEnterpriseYear<T>(
  ctx: AppContext,
  actor: Actor,
  enterpriseId: string,
  figures: YearInput,
  alsoInTx: (tx: DbOrTx, changed: boolean) => Promise<T>,
): Promise<{ changed: boolean; result: T }> {
  checkYears([figures]);
  return ctx.db.transaction(async (tx) => {
    const before = await selectEnterpriseById(tx, enterpriseId);
    if (!before) throw notFound();
    const stored = (await selectYears(tx, enterpriseId)).find((y) => y.year === figures.year);
    const changed = !stored || YEAR_FIELDS.some((f) => (figures[f] ?? null) !== stored[f]);
    if (changed) {
      const row = yearRow(figures);
      await upsertYears(tx, enterpriseId, [row]);
      const after = await updateEnterpriseVersioned(
        tx,
        enterpriseId,
        before.version,
        deriveSize(before.industryCode, await selectYears(tx, enterpriseId)),
      );
      if (!after) throw versionConflict();
      const diff = changedFields(before, after);
      await writeAudit(tx, actor, {
        action: 'enterprise.annual_update',
        entityType: 'enterprise',
        entityId: enterpriseId,
        before: diff.before,
        after: { ...diff.after, years: [row] },
      });
    }
    return { changed, result: await alsoInTx(tx, changed) };
  });
}
