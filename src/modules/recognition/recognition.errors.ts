import { AppError } from '../../server/errors.js';

// The recognition module's error codes (认定管理), each with its Chinese message. Each part adds its own.

// ---- A: applications, enterprise side ----

/** The action is not one the actor may take on the application in its current status. */
export const actionNotAllowed = (message = '当前状态下不能执行此操作：申报状态可能已变化，请刷新后重试') =>
  new AppError('RECOGNITION_ACTION_NOT_ALLOWED', 409, message);

export const applicationExists = () =>
  new AppError('RECOGNITION_APPLICATION_EXISTS', 409, '本企业已在该批次中申报：每个批次只能提交一份申报，请在“我的申报”中继续填写');

export const roundClosed = (opensOn: string, closesOn: string) =>
  new AppError('RECOGNITION_ROUND_CLOSED', 409, `该批次的申报时间为 ${opensOn} 至 ${closesOn}，当前不在申报时间内`, { opensOn, closesOn });

export const banned = (until: string, categoryLabel: string) =>
  new AppError('RECOGNITION_BANNED', 400, `本企业因“${categoryLabel}”被撤销称号，${until} 前不得申报`, { until });

export const draftStale = () =>
  new AppError('RECOGNITION_DRAFT_STALE', 409, '申报书已在其他页面保存过：请刷新后在最新内容上继续填写', { field: 'formVersion' });

export const notEditable = (statusLabel: string) =>
  new AppError('RECOGNITION_NOT_EDITABLE', 409, `申报状态为“${statusLabel}”，不能再修改申报书`);

export const pledgeRequired = () =>
  new AppError('RECOGNITION_PLEDGE_REQUIRED', 400, '提交申报前须勾选并同意真实性声明和合规经营承诺', { field: 'pledge' });

export const notEligible = (reasons: string[]) =>
  new AppError('RECOGNITION_NOT_ELIGIBLE', 400, `不符合申报条件：${reasons.join('；')}`, { reasons });

export const pdfFontMissing = () =>
  new AppError('PDF_FONT_MISSING', 503, '服务器未安装中文字体，暂不能生成 PDF 申报书：请使用打印页面，或联系管理员安装 Noto Sans CJK 字体');

// ---- R: applications, review side ----

const ACTION_NAMES: Record<string, string> = {
  return: '退回企业',
  district_reject: '初审不通过',
  city_reject: '复审不通过',
  return_to_district: '退回区县',
};

/** A return, a rejection or a return to the district without its reason. */
export const reasonRequired = (action: string) =>
  new AppError('RECOGNITION_REASON_REQUIRED', 400, `${ACTION_NAMES[action] ?? '此操作'}须填写原因`, { field: 'reason' });

/** A batch with an application that may not take the action: nothing was changed. */
export const batchRefused = (actionLabel: string, refused: { id: string; enterpriseName: string | null; reason: string }[]) =>
  new AppError(
    'RECOGNITION_ACTION_NOT_ALLOWED',
    409,
    refused.length
      ? `有 ${refused.length.toLocaleString('zh-CN')} 份申报不能${actionLabel}（${refused
          .slice(0, 3)
          .map((r) => `${r.enterpriseName ?? '记录不存在或无权查看'}：${r.reason}`)
          .join('；')}${refused.length > 3 ? '等' : ''}），本次未做任何修改`
      : `申报状态已变化，本次未做任何修改：请刷新后重试`,
    { refused },
  );
