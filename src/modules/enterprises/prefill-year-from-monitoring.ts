import type { DbOrTx } from '../../db/database.js';
import type { YearField } from '../../domain/enterprise-rules.js';
import type { Actor } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import { deriveSize } from './derive.js';
import { selectEnterpriseById, selectYears, updateEnterpriseVersioned, upsertYears } from './enterprises.repo.js';

/** The yearly indicators a December monthly report carries (its 累计 figures are the year's). */
export type MonitoringYearFigures = Partial<
  Record<'revenue' | 'totalProfit' | 'rdExpense' | 'employees' | 'exports' | 'taxesPaid', number | null>
>;

/**
 * 最多报一次: an accepted December report fills the empty indicators of the enterprise's year
 * (营业收入, 利润总额, 研发费用, 从业人员, 出口额, 纳税额), never one the enterprise or its district
 * entered. In the caller's transaction; the derived size class follows, and an audit row names the
 * fields filled. Returns them (empty: nothing to fill).
 */
export async function prefillYearFromMonitoring(
  tx: DbOrTx,
  actor: Actor | null,
  enterpriseId: string,
  year: number,
  figures: MonitoringYearFigures,
): Promise<YearField[]> {
  const before = await selectEnterpriseById(tx, enterpriseId);
  if (!before) return [];
  const stored = (await selectYears(tx, enterpriseId)).find((y) => y.year === year);
  const fill: Partial<Record<YearField, number>> = {};
  for (const [field, value] of Object.entries(figures) as [YearField, number | null | undefined][]) {
    if (value === null || value === undefined) continue;
    if (stored && stored[field] !== null && stored[field] !== undefined) continue;
    fill[field] = value;
  }
  const fields = Object.keys(fill) as YearField[];
  if (fields.length === 0) return [];
  await upsertYears(tx, enterpriseId, [{ year, ...fill }]);
  await updateEnterpriseVersioned(tx, enterpriseId, before.version, deriveSize(before.industryCode, await selectYears(tx, enterpriseId)));
  await writeAudit(tx, actor, {
    action: 'enterprise.monitoring_prefill',
    entityType: 'enterprise',
    entityId: enterpriseId,
    before: { year, ...Object.fromEntries(fields.map((f) => [f, null])) },
    after: { year, ...fill, source: `monitoring:${year}-12` },
  });
  return fields;
}
