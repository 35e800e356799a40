import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { contentDisposition } from '../../domain/file-names.js';
import { unauthenticated } from '../../server/errors.js';
import type { RoutePlugin } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { downloadFile } from './download-file.js';
import { fileMissing } from './files.errors.js';
import { fileInfo, fileParams, MAX_FILE_BYTES } from './files.schemas.js';
import { findReadableFile } from './find-readable-file.js';
import { type Upload, uploadFile } from './upload-file.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 413: errorBody, 503: errorBody };

/** The file part of a multipart request (field `file`), as a stream limited to 20 MB (this route's limit, not the app's). */
async function filePart(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw fileMissing();
  const part = await request.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
  if (part?.fieldname !== 'file') throw fileMissing();
  return { stream: part.file, fileName: part.filename ?? '' };
}

export const filesRoutes: RoutePlugin = async (app, { ctx }) => {
  app.post(
    '/api/files',
    {
      schema: {
        tags: ['附件'],
        summary: '上传附件（PDF、JPG、PNG、XLSX、DOCX，每个不超过 20 MB；按内容识别类型）：上传后挂接到业务对象前仅上传者可见',
        consumes: ['multipart/form-data'],
        response: { 200: fileInfo, ...errors },
      },
    },
    async (request) => {
      // Refused before a byte of the body is read.
      if (!request.actor) throw unauthenticated();
      return uploadFile(ctx, request.actor, await filePart(request));
    },
  );

  app.get(
    '/api/files/:id',
    {
      schema: {
        tags: ['附件'],
        summary: '下载附件：上传者（挂接前）或能查看其所属业务对象的用户',
        params: fileParams,
      },
    },
    async (request, reply) => {
      const { file, body } = await downloadFile(ctx, request.actor, request.params.id);
      return reply
        .type(file.type)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );

  app.get(
    '/api/files/:id/meta',
    {
      schema: {
        tags: ['附件'],
        summary: '附件信息（文件名、大小、类型、SHA-256）',
        params: fileParams,
        response: { 200: fileInfo, ...errors },
      },
    },
    async (request) => {
      const row = await findReadableFile(ctx, request.actor, request.params.id);
      return { id: row.id, name: row.name, size: row.size, sha256: row.sha256, type: row.type };
    },
  );
};
