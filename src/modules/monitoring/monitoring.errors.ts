import { AppError } from '../../server/errors.js';

// The monitoring module's error codes (运行监测), each with its Chinese message. Each part adds its own.

/** A failed hard check (强制性审核): nothing is stored; details.checks lists every failure. */
export const checkFailed = (checks: { id: string; level: 'hard' | 'soft'; field: string; message: string }[]) =>
  new AppError('MONITORING_CHECK_FAILED', 400, `月报未通过审核：${checks.map((c) => c.message).join('；')}`, { checks });

// ---- K: reports and settings ----
// ---- S: sample, review, chasing ----
// ---- A: figures (运行分析) ----
// ---- I: import and export ----
