import { AppError } from '../../server/errors.js';

// The monitoring module's error codes (运行监测), each with its Chinese message. Each part adds its own.

/** A failed hard check (强制性审核): nothing is stored; details.checks lists every failure. */
export const checkFailed = (checks: { id: string; level: 'hard' | 'soft'; field: string; message: string }[]) =>
  new AppError('MONITORING_CHECK_FAILED', 400, `月报未通过审核：${checks.map((c) => c.message).join('；')}`, { checks });

// ---- K: reports and settings ----
/** A report for a month later than the current one (Asia/Shanghai). */
export const periodFuture = () => new AppError('MONITORING_PERIOD_FUTURE', 400, '不能报送未来月份的月报（只能报送本月及以前的月份）', { field: 'period' });
/** The enterprise is not in the monitored sample (监测企业). */
export const notInSample = () =>
  new AppError('MONITORING_NOT_IN_SAMPLE', 400, '该企业不在监测企业名单中，无需报送月报；如需纳入监测，请联系所在区县', { field: 'enterpriseId' });
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
// ---- A: figures (运行分析) ----
// ---- I: import and export ----
