// The import's error codes and Chinese messages.
import { AppError } from '../../../server/errors.js';

export const importNotPreviewed = () => new AppError('IMPORT_NOT_PREVIEWED', 400, '请先完成预览再确认导入');
export const importPreviewHasErrors = (errorCount: number) =>
  new AppError('IMPORT_HAS_ERRORS', 400, `预览发现 ${errorCount} 处错误，未导入任何数据。请下载错误报告修改后重新上传`);
export const importExpired = () => new AppError('IMPORT_EXPIRED', 400, '该导入已超过 7 天，上传的文件和预览结果已删除，请重新上传文件');
