import { AppError } from '../../server/errors.js';
import { MAX_FILE_BYTES } from './files.schemas.js';

// The files module's error codes, each with its Chinese message.

export const fileMissing = () => new AppError('FILE_MISSING', 400, '没有收到文件：请以 multipart/form-data 上传（字段名 file）');
export const fileEmpty = () => new AppError('FILE_EMPTY', 400, '文件是空的（0 字节）：请选择有内容的文件');
export const fileTooLarge = () => new AppError('FILE_TOO_LARGE', 413, `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB：请压缩或拆分后再上传`);
export const fileTypeNotAllowed = () =>
  new AppError('FILE_TYPE_NOT_ALLOWED', 400, '只能上传 PDF、JPG、PNG、XLSX、DOCX 文件（按文件内容识别，与扩展名无关）');
/** Attaching ids that are not the actor's own unattached uploads (or already this owner's). */
export const fileNotFound = (ids: string[]) =>
  new AppError('FILE_NOT_FOUND', 400, '附件不存在、已过期或不是您上传的：请重新上传', { fileIds: ids });
export const fileOwnerUnknown = (type: string) => new AppError('FILE_OWNER_UNKNOWN', 400, `附件不能挂接到该类对象：${type}`);
export const fileStorageFailed = () => new AppError('FILE_STORAGE_FAILED', 503, '文件存储暂时不可用，请稍后重试');
