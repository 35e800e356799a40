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
