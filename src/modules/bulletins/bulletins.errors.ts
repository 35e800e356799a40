import { AppError } from '../../server/errors.js';

// The bulletins module's error codes (定期通报), each with its Chinese message.

/** The indicators' weights do not add up to 100: nothing is stored. */
export const weightsSum = (sum: number) =>
  new AppError('BULLETIN_WEIGHTS_SUM', 400, `各项指标权重之和应为 100，当前为 ${sum}，请调整后再保存`, { field: 'indicators', sum });

/** A settings value out of its range or an indicator missing: each problem names the field. */
export const settingsInvalid = (issues: { field: string; message: string }[]) =>
  new AppError('BULLETIN_SETTINGS_INVALID', 400, `通报设置有误：${issues.map((i) => i.message).join('；')}`, { issues });

/** A period that is not a month (2026-11) or a quarter (2026-Q3) of the kind asked. */
export const periodInvalid = (kind: 'month' | 'quarter') =>
  new AppError(
    'BULLETIN_PERIOD_INVALID',
    400,
    kind === 'month' ? '通报期别应为月份，格式为 YYYY-MM（如 2026-11）' : '通报期别应为季度，格式为 YYYY-Qn（如 2026-Q3）',
    { field: 'period' },
  );

/** A period that has not begun. */
export const periodFuture = () => new AppError('BULLETIN_PERIOD_FUTURE', 400, '该期尚未开始，不能生成或发布通报', { field: 'period' });

/** The period was published already and the request is not a correction of it. */
export const alreadyPublished = (title: string, id: string) =>
  new AppError('BULLETIN_ALREADY_PUBLISHED', 409, `本期通报已发布（${title}）；如需更正，请以更正方式重新发布`, { existingId: id });

/** correctsId names no 通报 of this period. */
export const correctsMismatch = () =>
  new AppError('BULLETIN_CORRECTS_INVALID', 400, '要更正的通报不存在或不属于本期，请从本期已发布的通报中选择', { field: 'correctsId' });
