import { and, count, desc, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { districts, enterprises, monitoringReports } from '../../db/schema/index.js';
import type { Scope } from '../../server/access.js';
import { enterpriseScopeCondition, listConditions } from '../enterprises/enterprises.repo.js';
import type { ReportRef, ReportRow } from './reports.repo.js';

// The officers' review of monthly reports (月报审核): the list and the two review actions. The
// reports' rows are written by K's reports.repo.ts; this file changes only the review columns
// (status on return, reviewed_by/at, return_reason, first_pass, version).

export interface ReviewFilter {
  year: number;
  month: number;
  status?: 'needs_explanation' | 'accepted' | 'returned';
  district?: string;
  late?: boolean;
  explained?: boolean;
  reviewed?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

const explanationCount = sql<number>`(select count(*) from jsonb_object_keys(${monitoringReports.explanations}))`.mapWith(Number);

/** One page of the reports of a month in the scope (the enterprise's current district or zone). */
export async function selectReviewPage(db: DbOrTx, scope: Scope, f: ReviewFilter) {
  const where = and(
    eq(monitoringReports.year, f.year),
    eq(monitoringReports.month, f.month),
    listConditions(scope, { q: f.q, district: f.district }),
    f.status ? eq(monitoringReports.status, f.status) : undefined,
    f.late === undefined ? undefined : eq(monitoringReports.late, f.late),
    f.explained === undefined
      ? undefined
      : f.explained
        ? sql`${monitoringReports.explanations} <> '{}'::jsonb`
        : sql`${monitoringReports.explanations} = '{}'::jsonb`,
    f.reviewed === undefined ? undefined : f.reviewed ? isNotNull(monitoringReports.reviewedAt) : isNull(monitoringReports.reviewedAt),
  );
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        enterpriseId: monitoringReports.enterpriseId,
        enterpriseName: enterprises.name,
        uscc: enterprises.uscc,
        districtName: districts.name,
        status: monitoringReports.status,
        late: monitoringReports.late,
        revenueYtd: monitoringReports.revenueYtd,
        profitYtd: monitoringReports.profitYtd,
        employees: monitoringReports.employees,
        explanationCount,
        reviewedAt: monitoringReports.reviewedAt,
        enteredBy: monitoringReports.enteredBy,
        submittedAt: monitoringReports.submittedAt,
        version: monitoringReports.version,
      })
      .from(monitoringReports)
      .innerJoin(enterprises, eq(enterprises.id, monitoringReports.enterpriseId))
      .leftJoin(districts, eq(districts.code, enterprises.districtCode))
      .where(where)
      // Waiting first: 待说明, then the explained ones not yet reviewed, then the latest submitted.
      .orderBy(
        sql`case ${monitoringReports.status} when 'needs_explanation' then 0 when 'accepted' then 1 else 2 end`,
        sql`(${monitoringReports.reviewedAt} is null and ${monitoringReports.explanations} <> '{}'::jsonb) desc`,
        desc(monitoringReports.submittedAt),
        monitoringReports.enterpriseId,
      )
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ total: count() })
      .from(monitoringReports)
      .innerJoin(enterprises, eq(enterprises.id, monitoringReports.enterpriseId))
      .where(where),
  ]);
  return { items, total };
}

/** One report with its enterprise's name, only if the enterprise is in the scope. */
export async function selectReportInScope(db: DbOrTx, scope: Scope, k: ReportRef) {
  const [row] = await db
    .select({ report: monitoringReports, enterpriseName: enterprises.name })
    .from(monitoringReports)
    .innerJoin(enterprises, eq(enterprises.id, monitoringReports.enterpriseId))
    .where(
      and(
        eq(monitoringReports.enterpriseId, k.enterpriseId),
        eq(monitoringReports.year, k.year),
        eq(monitoringReports.month, k.month),
        enterpriseScopeCondition(scope),
      ),
    );
  return row;
}

const keyIs = (k: ReportRef) =>
  and(eq(monitoringReports.enterpriseId, k.enterpriseId), eq(monitoringReports.year, k.year), eq(monitoringReports.month, k.month));

/** 审核通过: marks an accepted report reviewed, if still at that version. Returns the row, or undefined (lost a race). */
export async function markReviewed(
  tx: DbOrTx,
  k: ReportRef,
  expectedVersion: number,
  reviewer: string,
  at: Date,
): Promise<ReportRow | undefined> {
  const [row] = await tx
    .update(monitoringReports)
    .set({ reviewedBy: reviewer, reviewedAt: at, version: sql`${monitoringReports.version} + 1` })
    .where(and(keyIs(k), eq(monitoringReports.version, expectedVersion), eq(monitoringReports.status, 'accepted')))
    .returning();
  return row;
}

/** 退回: the report leaves the figures until resubmitted (not first-pass any more), if still at that version. */
export async function markReturned(
  tx: DbOrTx,
  k: ReportRef,
  expectedVersion: number,
  reviewer: string,
  reason: string,
  at: Date,
): Promise<ReportRow | undefined> {
  const [row] = await tx
    .update(monitoringReports)
    .set({
      status: 'returned',
      returnReason: reason,
      firstPass: false,
      reviewedBy: reviewer,
      reviewedAt: at,
      version: sql`${monitoringReports.version} + 1`,
    })
    .where(and(keyIs(k), eq(monitoringReports.version, expectedVersion), ne(monitoringReports.status, 'returned')))
    .returning();
  return row;
}
