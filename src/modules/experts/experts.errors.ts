import { AppError } from '../../server/errors.js';

// The experts module's error codes, each with its Chinese message.

/** Point-to-point or visit for an enterprise the expert declared a conflict of interest with. */
export const conflictOfInterest = (enterpriseName: string, reason: string) =>
  new AppError('EXPERT_CONFLICT_OF_INTEREST', 400, `该专家已申报与“${enterpriseName}”存在利益冲突（${reason}），不能分配其服务该企业`, {
    field: 'enterpriseId',
  });

/** Point-to-point service is for 专精特新“小巨人” enterprises; the others are served by district. */
export const notLittleGiant = (enterpriseName: string) =>
  new AppError(
    'EXPERT_ASSIGNMENT_NOT_LITTLE_GIANT',
    400,
    `“${enterpriseName}”不是专精特新“小巨人”企业：点对点服务只适用于“小巨人”企业，专精特新中小企业请按区县分配`,
    { field: 'enterpriseId' },
  );

export const districtNotServed = (districtName: string) =>
  new AppError('EXPERT_DISTRICT_NOT_SERVED', 400, `该专家的服务区县不含${districtName}：请先在专家信息中添加该服务区县`, {
    field: 'districtCode',
  });

export const districtStillAssigned = (districtNames: string[]) =>
  new AppError(
    'EXPERT_DISTRICT_STILL_ASSIGNED',
    400,
    `该专家仍按区县服务${districtNames.join('、')}：请先取消这些区县的分配，再从服务区县中移除`,
    { field: 'districtCodes' },
  );

export const alreadyAssigned = () => new AppError('EXPERT_ALREADY_ASSIGNED', 409, '该专家已分配服务此企业或区县，无需重复分配');

export const conflictAlreadyDeclared = () => new AppError('EXPERT_CONFLICT_EXISTS', 409, '该专家已申报与此企业的利益冲突');

export const expertAccountTaken = () => new AppError('EXPERT_ACCOUNT_EXISTS', 409, '该专家已有登录账号');

/** An expert account whose pool entry is missing (created in 用户管理 without one). */
export const expertProfileMissing = () =>
  new AppError('EXPERT_PROFILE_MISSING', 403, '您的账号尚未录入专家库，请联系市经信委在专家库中关联您的账号');

export const visitDateInFuture = () => new AppError('EXPERT_VISIT_DATE_IN_FUTURE', 400, '服务日期不能晚于今天', { field: 'visitedOn' });

/** A visit date that is not a real date, or lies in the future. */
export const visitDateInvalid = (problem: string) =>
  new AppError('EXPERT_VISIT_DATE_INVALID', 400, `服务日期${problem}`, { field: 'visitedOn' });
