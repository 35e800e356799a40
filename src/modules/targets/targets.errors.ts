import { AppError } from '../../server/errors.js';

// The targets module's error codes, each with the Chinese message people read.

export const targetUnitUnknown = (code: string) =>
  new AppError('TARGET_UNIT_UNKNOWN', 400, `区县或功能区代码“${code}”不存在，请从区县列表中选择`, { field: 'unitCode' });

export const targetIndicatorUnknown = (indicator: string, field = 'indicator') =>
  new AppError('TARGET_INDICATOR_UNKNOWN', 400, `指标“${indicator}”不在目标考核的指标范围内`, { field });

export const targetMeasureUnknown = (measure: string) =>
  new AppError('TARGET_MEASURE_UNKNOWN', 400, `口径“${measure}”不存在：应为总量（stock）或新增（new）`, { field: 'measure' });

export const targetValueInvalid = (value: number) =>
  new AppError(
    'TARGET_VALUE_INVALID',
    400,
    value < 0 ? '目标值不能为负数' : !Number.isFinite(value) ? '目标值超出范围' : '目标值是企业家数，应为整数',
    { field: 'value' },
  );

export const targetValueTooLarge = () =>
  new AppError('TARGET_VALUE_INVALID', 400, '目标值超出范围（最多 10,000,000 家）', { field: 'value' });

export const targetBaselineInvalid = (baselineOn: string, year: number) =>
  new AppError('TARGET_BASELINE_INVALID', 400, `基期 ${baselineOn} 晚于目标年度 ${year} 年末，应为规划起始日`, { field: 'baselineOn' });

/** A district officer setting the city's target or another unit's. */
export const targetNotOwnUnit = () =>
  new AppError('TARGET_NOT_OWN_UNIT', 403, '区县只能设置本区县的目标，市级目标和其他区县的目标由市经信委设置');

export const targetVersionConflict = () =>
  new AppError('TARGET_VERSION_CONFLICT', 409, '该目标已被他人修改，请刷新后在最新内容上重新修改', { field: 'version' });

export const targetVersionRequired = () =>
  new AppError('TARGET_VERSION_REQUIRED', 409, '该目标已存在，请刷新后带上版本号再修改', { field: 'version' });

/** A split suggestion asked for an indicator the city has no target for in that year. */
export const targetCityMissing = (label: string, year: number) =>
  new AppError('TARGET_CITY_MISSING', 400, `${year} 年没有市级“${label}”目标，请先设置市级目标再分解`, { field: 'indicator' });
