import { type Check, runChecks, unexplained } from '../../domain/monitoring/checks.js';
import { isLate } from '../../domain/monitoring/periods.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { prefillYearFromMonitoring } from '../enterprises/prefill-year-from-monitoring.js';
import { keepAggregatesOfWrite } from './keep-aggregates.js';
import { checkFailed, notInSample, reportStale } from './monitoring.errors.js';
import type { ReportBody } from './monitoring.schemas.js';
import { loadReportContext, loadReportRules } from './report-context.js';
import { valuesOfBody } from './report-values.js';
import { aroundOf, type ReportInsert, type ReportVersionInsert, valuesOfRow, writeReportIfVersion } from './reports.repo.js';

export interface SubmitResult {
  status: 'accepted' | 'needs_explanation';
  checks: Check[];
  version: number;
  late: boolean;
  dueOn: string;
  period: string;
}

const sameValues = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The enterprise (or its district, for a firm that reports offline: 代报) submits or revises a
 * month's report. Hard checks failing → 400 and nothing stored. Soft checks failing without an
 * explanation each → stored as 待说明 (not counted); explained → 已通过 (counted). In one
 * transaction: the enterprise read and locked; inside keepAggregatesOfWrite (one read serves the
 * checks and the aggregates) the row (dimensions snapshotted), a version row and the aggregate
 * deltas in one statement; a December
 * report accepted pre-fills the year's empty indicators (最多报一次).
 */
export async function submitReport(
  ctx: AppContext,
  actor: Actor | null,
  enterpriseId: string,
  periodText: string,
  body: ReportBody,
): Promise<SubmitResult> {
  const who = requireAccess(actor, 'monitoring.report.write');
  const values = valuesOfBody(body);

  const rules = await loadReportRules(ctx.db);
  return ctx.db.transaction(async (tx) => {
    // The context's read of the enterprise is also the lock keepAggregatesOfWrite needs.
    const rc = await loadReportContext(tx, who, enterpriseId, periodText, { lock: true, rules });
    if (!rc.inSample) throw notInSample();
    const { period, dims, settings, dueOn } = rc;
    const key = { enterpriseId, year: period.year, month: period.month };
    return keepAggregatesOfWrite(tx, [key], async (rows, deltasFor) => {
      const around = aroundOf(key, rows);
      const current = around.current;
      const currentVersion = current?.version ?? 0;
      if (body.version !== undefined && body.version !== null && body.version !== currentVersion) throw reportStale();

      const checks = runChecks(values, {
        month: period.month,
        lastMonth: around.lastMonth ? valuesOfRow(around.lastMonth) : null,
        lastYear: around.lastYear ? valuesOfRow(around.lastYear) : null,
        industrial: rc.industrial,
        settings,
      });
      const hard = checks.filter((c) => c.level === 'hard');
      if (hard.length > 0) throw checkFailed(hard);

      // Explanations are kept for the checks the report fails, and only those.
      const explanations: Record<string, string> = {};
      for (const c of checks) {
        const text = body.explanations?.[c.id]?.trim();
        if (text) explanations[c.id] = text;
      }
      const status = unexplained(checks, explanations).length > 0 ? 'needs_explanation' : 'accepted';
      const now = new Date();
      const afterDue = isLate(dueOn, now);
      const changed = !current || !sameValues(valuesOfRow(current), values);
      const version = currentVersion + 1;
      const row = {
        ...key,
        status,
        districtCode: dims.districtCode,
        zoneCode: dims.zoneCode,
        industryCode: dims.industryCode,
        sectionCode: dims.sectionCode,
        clusterCode: dims.clusterCode,
        sizeClass: dims.sizeClass,
        tier: dims.tier,
        revenueMonth: values.revenueMonth ?? null,
        revenueYtd: values.revenueYtd,
        profitYtd: values.profitYtd,
        outputYtd: values.outputYtd ?? null,
        employees: values.employees,
        rdExpenseYtd: values.rdExpenseYtd ?? null,
        exportYtd: values.exportYtd ?? null,
        taxYtd: values.taxYtd ?? null,
        electricityYtd: values.electricityYtd ?? null,
        newOrders: values.newOrders ?? null,
        surveyOrders: values.survey?.orders ?? null,
        surveyEmployment: values.survey?.employment ?? null,
        surveyFinancing: values.survey?.financing ?? null,
        suggestions: values.suggestions ?? null,
        explanations,
        checks,
        dueOn,
        late: current ? current.late : afterDue,
        firstPass: current ? current.firstPass && status === 'accepted' : status === 'accepted' && checks.length === 0,
        revisedAfterDue: (current?.revisedAfterDue ?? false) || (current?.status === 'accepted' && afterDue && changed),
        enteredBy: who.role === 'enterprise' ? 'enterprise' : 'district',
        firstSubmittedAt: current?.firstSubmittedAt ?? now,
        submittedAt: now,
        submittedBy: who.userId,
        reviewedBy: null,
        reviewedAt: null,
        returnReason: null,
        version,
      } satisfies ReportInsert;
      const versionRow = {
        ...key,
        version,
        status,
        values: { ...values, explanations },
        action: current ? 'revise' : 'submit',
        afterDue,
        actorId: who.userId,
        actorRole: who.role,
        note: null,
        at: now,
      } satisfies ReportVersionInsert;
      // The prefill first: the aggregate rows the write locks are then held only until the commit.
      if (period.month === 12 && status === 'accepted') {
        await prefillYearFromMonitoring(tx, who, enterpriseId, period.year, {
          revenue: values.revenueYtd,
          totalProfit: values.profitYtd,
          rdExpense: values.rdExpenseYtd ?? null,
          employees: values.employees,
          exports: values.exportYtd ?? null,
          taxesPaid: values.taxYtd ?? null,
        });
      }
      if (!(await writeReportIfVersion(tx, row, currentVersion, versionRow, deltasFor([row])))) throw reportStale();
      return { status, checks, version, late: row.late, dueOn, period: periodText } satisfies SubmitResult;
    });
  });
}
