// The enterprises module's error codes and their Chinese messages.
import { AppError } from '../../server/errors.js';

/** A field refused with its own code (rule codes from src/domain, e.g. ESTABLISHED_IN_FUTURE). */
export const fieldInvalid = (code: string, field: string, message: string) => new AppError(code, 400, message, { field });
export const usccFormatInvalid = () =>
  fieldInvalid('ENTERPRISE_USCC_INVALID', 'uscc', '统一社会信用代码格式不正确：应为 18 位数字或大写字母（不含 I、O、Z、S、V）');
export const usccCheckDigitInvalid = (uscc: string) =>
  fieldInvalid(
    'ENTERPRISE_USCC_INVALID',
    'uscc',
    `统一社会信用代码 ${uscc} 的校验位不正确，请核对；确属早期合法代码的，由市经信委填写原因后确认`,
  );
/** Outside the actor's scope the answer must not name the enterprise (nor link to it). */
export const usccRegisteredElsewhere = () =>
  new AppError('ENTERPRISE_USCC_DUPLICATE', 409, '该统一社会信用代码已在其他区县登记，请联系市经信委', { field: 'uscc' });
export const usccRegistered = (uscc: string, existing: { id: string; name: string }) =>
  new AppError('ENTERPRISE_USCC_DUPLICATE', 409, `统一社会信用代码 ${uscc} 已登记为“${existing.name}”`, {
    field: 'uscc',
    enterpriseId: existing.id,
  });
export const districtIsZone = (name: string) =>
  fieldInvalid('DISTRICT_IS_ZONE', 'districtCode', `${name}是功能区，请填写企业注册地所在区县，功能区填在“功能区”一栏`);
export const notAZone = (name: string) => fieldInvalid('ZONE_UNKNOWN', 'zoneCode', `${name}不是功能区`);
export const yearDuplicate = (year: number, index: number) => fieldInvalid('YEAR_DUPLICATE', `years.${index}.year`, `年度 ${year} 重复`);
export const fieldForbidden = (message: string, field: string) => new AppError('ENTERPRISE_FIELD_FORBIDDEN', 403, message, { field });

// 上市进程 (listing records).
export const listingStageUnknown = (stage: string) =>
  fieldInvalid('LISTING_STAGE_UNKNOWN', 'stage', `上市进程阶段“${stage}”不存在：应为股改、挂牌、辅导备案、申报受理或上市`);
export const listingDateInvalid = (message: string) => fieldInvalid('LISTING_DATE_INVALID', 'reachedOn', message);
