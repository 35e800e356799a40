import { and, count, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { rowsOf } from '../../db/rows.js';
import { districts, enterprises, monitoringSample, users } from '../../db/schema/index.js';
import type { Scope } from '../../server/access.js';
import { enterpriseScopeCondition, listConditions } from '../enterprises/enterprises.repo.js';
import { type MonitoringFactsRow, monitoringFactsColumns } from '../enterprises/monitoring-facts.repo.js';

// The monitored sample (监测企业): the only file with SQL on monitoring_sample.
// Effective membership: a row saying 'in'; or a valid title (enterprises.current_tier not null)
// and no row saying 'out'.

/**
 * The sample condition on `enterprises` rows, for lists and counts. Written with uncorrelated
 * IN / NOT IN subqueries (monitoring_sample.enterprise_id is the key, never null) so that the
 * planner hashes the few sample rows once instead of probing per enterprise.
 */
export function inSampleCondition(): SQL {
  return sql`(${enterprises.id} in (select s.enterprise_id from monitoring_sample s where s.status = 'in')
    or (${enterprises.currentTier} is not null
        and ${enterprises.id} not in (select s.enterprise_id from monitoring_sample s where s.status = 'out')))`;
}

/** Effective membership from the enterprise's sample row (if any) and its current title. */
const isMember = (status: string | null, currentTier: string | null) =>
  status === 'in' ? true : status === 'out' ? false : currentTier !== null;

/** Whether one enterprise is in the sample now (false for an absent enterprise). */
export async function isInSample(db: DbOrTx, enterpriseId: string): Promise<boolean> {
  const [row] = await db
    .select({ tier: enterprises.currentTier, status: monitoringSample.status })
    .from(enterprises)
    .leftJoin(monitoringSample, eq(monitoringSample.enterpriseId, enterprises.id))
    .where(eq(enterprises.id, enterpriseId))
    .limit(1);
  return row ? isMember(row.status, row.tier) : false;
}

/**
 * What a report of one enterprise needs about it, in one statement: its dimensions on `day` and
 * whether it is in the sample now; null when absent. With `lock`, the enterprise row is locked FOR NO
 * KEY UPDATE (the lock keepAggregatesOfWrite needs, serialising writers of one firm's reports).
 */
export async function selectReportSubject(
  db: DbOrTx,
  enterpriseId: string,
  day: string,
  lock: boolean,
): Promise<(MonitoringFactsRow & { inSample: boolean }) | null> {
  const result = await db.execute(sql`
    select ${monitoringFactsColumns(day)}, e.current_tier as "currentTier", s.status as "sampleStatus"
      from enterprises e left join monitoring_sample s on s.enterprise_id = e.id
     where e.id = ${enterpriseId}::uuid ${lock ? sql`for no key update of e` : sql``}`);
  const [row] = rowsOf<MonitoringFactsRow & { currentTier: string | null; sampleStatus: string | null }>(result);
  if (!row) return null;
  const { currentTier, sampleStatus, ...facts } = row;
  return { ...facts, inSample: isMember(sampleStatus, currentTier) };
}

// ---- one enterprise ----

/** The enterprise and its sample row, only if the scope covers it. */
export async function selectSampleTarget(db: DbOrTx, scope: Scope, enterpriseId: string) {
  const [row] = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      districtCode: enterprises.districtCode,
      currentTier: enterprises.currentTier,
      status: monitoringSample.status,
      reason: monitoringSample.reason,
    })
    .from(enterprises)
    .leftJoin(monitoringSample, eq(monitoringSample.enterpriseId, enterprises.id))
    .where(and(eq(enterprises.id, enterpriseId), enterpriseScopeCondition(scope)));
  return row;
}

export async function upsertSampleRow(
  tx: DbOrTx,
  row: { enterpriseId: string; status: 'in' | 'out'; reason: string | null; changedBy: string },
): Promise<void> {
  const changedAt = new Date();
  await tx
    .insert(monitoringSample)
    .values({ ...row, changedAt })
    .onConflictDoUpdate({
      target: monitoringSample.enterpriseId,
      set: { status: row.status, reason: row.reason, changedBy: row.changedBy, changedAt },
    });
}

export async function deleteSampleRow(tx: DbOrTx, enterpriseId: string): Promise<void> {
  await tx.delete(monitoringSample).where(eq(monitoringSample.enterpriseId, enterpriseId));
}

// ---- lists ----

export interface SampleFilter {
  district?: string;
  q?: string;
  source?: 'title' | 'added';
  page: number;
  pageSize: number;
}

const sampleColumns = {
  enterpriseId: enterprises.id,
  enterpriseName: enterprises.name,
  uscc: enterprises.uscc,
  districtCode: enterprises.districtCode,
  districtName: districts.name,
  sizeClass: enterprises.sizeClass,
  tier: enterprises.currentTier,
  reason: monitoringSample.reason,
  changedAt: monitoringSample.changedAt,
};

/** One page of the effective sample in the scope (the source: a title, or added by a row saying 'in'). */
export async function selectSamplePage(db: DbOrTx, scope: Scope, filter: SampleFilter) {
  const where = and(
    inSampleCondition(),
    listConditions(scope, { q: filter.q, district: filter.district }),
    filter.source === 'title'
      ? isNotNull(enterprises.currentTier)
      : filter.source === 'added'
        ? isNull(enterprises.currentTier)
        : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    db
      .select(sampleColumns)
      .from(enterprises)
      .leftJoin(monitoringSample, eq(monitoringSample.enterpriseId, enterprises.id))
      .leftJoin(districts, eq(districts.code, enterprises.districtCode))
      .where(where)
      .orderBy(enterprises.districtCode, enterprises.name, enterprises.id)
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(enterprises).where(where),
  ]);
  return { items, total };
}

/** The size classes of the effective sample in the scope: total, small + micro, unknown size. */
export async function selectSampleSizes(db: DbOrTx, scope: Scope, district?: string) {
  const [row] = await db
    .select({
      total: count(),
      smallMicro: sql<number>`count(*) filter (where ${enterprises.sizeClass} in ('small', 'micro'))`.mapWith(Number),
      unknown: sql<number>`count(*) filter (where ${enterprises.sizeClass} is null)`.mapWith(Number),
    })
    .from(enterprises)
    .where(and(inSampleCondition(), listConditions(scope, { district })));
  return row;
}

/** One page of the enterprises taken out of the sample (rows saying 'out'), latest first. */
export async function selectRemovedPage(db: DbOrTx, scope: Scope, filter: Omit<SampleFilter, 'source'>) {
  const where = and(eq(monitoringSample.status, 'out'), listConditions(scope, { q: filter.q, district: filter.district }));
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ ...sampleColumns, changedByName: users.displayName })
      .from(monitoringSample)
      .innerJoin(enterprises, eq(enterprises.id, monitoringSample.enterpriseId))
      .leftJoin(districts, eq(districts.code, enterprises.districtCode))
      .leftJoin(users, eq(users.id, monitoringSample.changedBy))
      .where(where)
      .orderBy(desc(monitoringSample.changedAt), enterprises.id)
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ total: count() })
      .from(monitoringSample)
      .innerJoin(enterprises, eq(enterprises.id, monitoringSample.enterpriseId))
      .where(where),
  ]);
  return { items, total };
}
