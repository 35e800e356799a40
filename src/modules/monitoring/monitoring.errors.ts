import { AppError } from '../../server/errors.js';

// The monitoring module's error codes (运行监测), each with its Chinese message. Each part adds its own.

/** A failed hard check (强制性审核): nothing is stored; details.checks lists every failure. */
export const checkFailed = (checks: { id: string; level: 'hard' | 'soft'; field: string; message: string }[]) =>
  new AppError('MONITORING_CHECK_FAILED', 400, `月报未通过审核：${checks.map((c) => c.message).join('；')}`, { checks });

// ---- K: reports and settings ----
/** A report for a month later than the current one (Asia/Shanghai). */
export const periodFuture = () =>
  new AppError('MONITORING_PERIOD_FUTURE', 400, '不能报送未来月份的月报（只能报送本月及以前的月份）', { field: 'period' });
/** The enterprise is not in the monitored sample (监测企业). */
export const notInSample = () =>
  new AppError('MONITORING_NOT_IN_SAMPLE', 400, '该企业不在监测企业名单中，无需报送月报；如需纳入监测，请联系所在区县', {
    field: 'enterpriseId',
  });
/** The report changed since the writer loaded it (another revision came first). */
export const reportStale = () =>
  new AppError('MONITORING_REPORT_STALE', 409, '该月报已被他人修改，请刷新后在最新内容上重新填报', { field: 'version' });
/** Explanations for checks the report does not fail, or empty ones. */
export const explanationInvalid = (message: string, checkId: string) =>
  new AppError('MONITORING_EXPLANATION_INVALID', 400, message, { field: `explanations.${checkId}` });
/** A settings value out of its range: each problem names the setting. */
export const settingsInvalid = (issues: { field: string; message: string }[]) =>
  new AppError('MONITORING_SETTINGS_INVALID', 400, `监测设置有误：${issues.map((i) => i.message).join('；')}`, { issues });
// ---- S: sample, review, chasing ----
/** Taking an enterprise out of the sample, or returning a report, needs a reason. */
export const reasonRequired = (what: '移出监测企业' | '退回月报') =>
  new AppError('MONITORING_REASON_REQUIRED', 400, `${what}须填写原因`, { field: 'reason' });
/** The report changed since the officer opened it (a revision, another officer's action). */
export const reviewStale = () =>
  new AppError('MONITORING_REPORT_STALE', 409, '该月报已被修改或已被他人审核，请刷新后在最新内容上重新审核', { field: 'version' });
/** Accepting a report that is not waiting for a review (待说明 or 已退回). */
export const notAcceptable = (statusLabel: string) =>
  new AppError('MONITORING_REVIEW_NOT_ALLOWED', 400, `该月报当前为“${statusLabel}”，须企业补充说明或重新报送后才能审核通过`);
/** Returning a report already returned. */
export const alreadyReturned = () => new AppError('MONITORING_REVIEW_NOT_ALLOWED', 400, '该月报已退回，等待企业重新报送');
/** Chasing a month that has not begun. */
export const chasePeriodFuture = () => new AppError('MONITORING_PERIOD_FUTURE', 400, '该月份尚未开始，不能催报', { field: 'period' });
// ---- A: figures (运行分析) ----
// ---- I: import and export ----
/** An import whose preview (or commit) found errors: nothing is stored; details list them by row and column. */
export const importHasErrors = (errors: { row: number; column: string; code: string; message: string }[], errorCount: number) =>
  new AppError('MONITORING_IMPORT_HAS_ERRORS', 400, `导入文件有 ${errorCount} 处错误，未导入任何数据：请按行号和列修改后重新上传`, {
    errors,
    errorCount,
  });
/** Importing or exporting the reports of a month that has not begun. */
export const importPeriodFuture = () =>
  new AppError('MONITORING_PERIOD_FUTURE', 400, '该月份尚未开始，不能导入月报：只能导入本月及以前的月报', { field: 'period' });
