import { z } from 'zod';
import { uuid } from '../../server/validation.js';

/** The largest file accepted: 20 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The kinds of file accepted, found from the bytes: MIME type → label shown to people. */
export const FILE_TYPES = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
} as const satisfies Record<string, string>;
export type FileType = keyof typeof FILE_TYPES;

/** An uploaded file as the API answers it (POST /api/files, GET /api/files/:id/meta, filesOf). */
export const fileInfo = z.object({
  id: z.string().describe('附件编号'),
  name: z.string().describe('上传时的文件名（已去掉路径和控制字符）'),
  size: z.number().int().describe('字节数'),
  sha256: z.string().describe('内容的 SHA-256（十六进制）'),
  type: z.string().describe('按内容识别的类型（MIME）'),
});
export type FileInfo = z.infer<typeof fileInfo>;

export const fileParams = z.strictObject({ id: uuid() });
