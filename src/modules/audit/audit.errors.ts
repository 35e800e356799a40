// The audit module's error codes and their Chinese messages.
import { AppError } from '../../server/errors.js';

export const dateRangeInvalid = () => new AppError('DATE_RANGE_INVALID', 400, '开始时间必须早于结束时间', { field: 'from' });
