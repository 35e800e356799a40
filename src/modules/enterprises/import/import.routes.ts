import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { TIERS } from '../../../domain/enterprise-rules.js';
import { requireAccess } from '../../../server/access.js';
import { AppError } from '../../../server/errors.js';
import { type RoutePlugin, sendXlsx } from '../../../server/http.js';
import { errorBody, uuid } from '../../../server/validation.js';
import { findImportJob } from './find-import-job.js';
import { importJob, importResult, importStarted } from './import.schemas.js';
import { importEnterprises } from './import-enterprises.js';
import { importTitles } from './import-titles.js';
import type { ImportError } from './parse-rows.js';
import { MAX_FILE_BYTES } from './read-table.js';
import { startImport } from './start-import.js';
import { startImportCommit } from './start-import-commit.js';
import { errorReport, importTemplate } from './workbooks.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const modeQuery = z.strictObject({ mode: z.enum(['preview', 'commit'], 'mode 应为 preview 或 commit').default('preview') });

/** The uploaded file of a multipart request (field `file`). */
export async function uploadedFile(request: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
  if (!request.isMultipart()) throw new AppError('IMPORT_FILE_MISSING', 400, '请以 multipart/form-data 上传文件（字段名 file）');
  const part = await request.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
  if (!part) throw new AppError('IMPORT_FILE_MISSING', 400, '没有收到文件：请选择要导入的文件');
  const buffer = await part.toBuffer();
  if (part.file.truncated)
    throw new AppError('IMPORT_FILE_TOO_LARGE', 400, `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请拆分后分批导入`);
  return { buffer, fileName: part.filename || 'upload' };
}

export const importRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/enterprises/import-template',
    { schema: { tags: ['企业库导入导出'], summary: '下载企业导入模板（xlsx）' } },
    async (request, reply) => {
      requireAccess(request.actor, 'enterprise.read');
      return sendXlsx(reply, '企业信息导入模板.xlsx', await importTemplate());
    },
  );

  app.post(
    '/api/enterprises/import',
    {
      schema: {
        tags: ['企业库导入导出'],
        summary: '导入企业（xlsx / CSV，UTF-8 或 GBK）：mode=preview 只检查不写入，mode=commit 全部正确时一次写入',
        consumes: ['multipart/form-data'],
        querystring: modeQuery,
        response: { 200: importResult, ...errors },
      },
    },
    async (request) => importEnterprises(ctx, request.actor, await uploadedFile(request), request.query.mode),
  );

  app.post(
    '/api/enterprises/titles/import',
    {
      schema: {
        tags: ['企业库导入导出'],
        summary: '导入称号名单（如一批“小巨人”名单）：按信用代码或企业名称匹配企业库中的企业',
        consumes: ['multipart/form-data'],
        querystring: modeQuery.extend({ tier: z.enum(TIERS, '称号应为 innovative、srdi 或 little_giant').optional() }),
        response: { 200: importResult, ...errors },
      },
    },
    async (request) => importTitles(ctx, request.actor, await uploadedFile(request), request.query.mode, request.query.tier),
  );

  // The same as jobs of the queue with progress, for the browser: start, poll, commit, download the error report.
  // The preview is the one parse of the file: it stages the rows, and the commit applies those.
  app.post(
    '/api/enterprises/import-jobs',
    {
      schema: {
        tags: ['企业库导入导出'],
        summary: '上传文件并开始预览（后台任务）',
        consumes: ['multipart/form-data'],
        response: { 202: importStarted, ...errors },
      },
    },
    async (request, reply) => {
      requireAccess(request.actor, 'enterprise.import');
      const file = await uploadedFile(request);
      return reply.code(202).send(await startImport(ctx, request.actor, 'enterprises', file));
    },
  );

  app.post(
    '/api/enterprises/titles/import-jobs',
    {
      schema: {
        tags: ['企业库导入导出'],
        summary: '上传称号名单并开始预览（后台任务）；进度、确认导入和错误报告同企业导入任务',
        consumes: ['multipart/form-data'],
        querystring: z.strictObject({ tier: z.enum(TIERS, '称号应为 innovative、srdi 或 little_giant').optional() }),
        response: { 202: importStarted, ...errors },
      },
    },
    async (request, reply) => {
      requireAccess(request.actor, 'enterprise.titles');
      const file = await uploadedFile(request);
      return reply.code(202).send(await startImport(ctx, request.actor, 'titles', file, { tier: request.query.tier }));
    },
  );

  app.post(
    '/api/enterprises/import-jobs/:id/commit',
    {
      schema: {
        tags: ['企业库导入导出'],
        summary: '确认导入已预览的文件（后台任务，写入预览时解析的数据，不再读取文件）',
        params: z.strictObject({ id: uuid() }),
        response: { 202: importStarted, ...errors },
      },
    },
    async (request, reply) => reply.code(202).send(await startImportCommit(ctx, request.actor, request.params.id)),
  );

  app.get(
    '/api/enterprises/import-jobs/:id',
    {
      schema: {
        tags: ['企业库导入导出'],
        summary: '导入任务的进度和结果',
        params: z.strictObject({ id: uuid() }),
        response: { 200: importJob, ...errors },
      },
    },
    async (request) => findImportJob(ctx.db, request.actor, request.params.id),
  );

  app.get(
    '/api/enterprises/import-jobs/:id/error-report',
    { schema: { tags: ['企业库导入导出'], summary: '下载错误报告（xlsx：行号、列、说明）', params: z.strictObject({ id: uuid() }) } },
    async (request, reply) => {
      const job = await findImportJob(ctx.db, request.actor, request.params.id);
      const details = job.error?.details as { errors?: ImportError[] } | undefined;
      const list: ImportError[] = job.result?.errors ?? details?.errors ?? [];
      return sendXlsx(reply, `导入错误报告-${job.fileName}.xlsx`, await errorReport(list));
    },
  );
};
