import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { TIERS } from '../../../domain/enterprise-rules.js';
import { requireAccess } from '../../../server/access.js';
import { AppError } from '../../../server/errors.js';
import { type RoutePlugin, sendXlsx } from '../../../server/http.js';
import { createJob, findJob, jobFile, runJob } from '../../../server/jobs.js';
import { errorBody, uuid } from '../../../server/validation.js';
import { type ImportResult, importEnterprises } from './import-enterprises.js';
import { importTitles } from './import-titles.js';
import type { ImportError } from './parse-rows.js';
import { checkUpload, MAX_FILE_BYTES } from './read-table.js';
import { errorReport, importTemplate } from './workbooks.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const importError = z.object({ row: z.number(), column: z.string(), code: z.string(), message: z.string() });
const fieldValue = z.union([z.string(), z.number()]).nullable();
const importResult = z.object({
  created: z.number(),
  updated: z.number(),
  /** Per updated enterprise (the first 1,000): which fields change from what to what (amounts in whole yuan). */
  updates: z
    .array(
      z.object({
        row: z.number(),
        uscc: z.string(),
        name: z.string(),
        changes: z.array(
          z.object({
            field: z.string(),
            label: z.string(),
            kind: z.enum(['text', 'amount', 'count', 'score', 'year', 'date']),
            before: fieldValue,
            after: fieldValue,
          }),
        ),
      }),
    )
    .optional(),
  unchanged: z.number(),
  rows: z.number(),
  errors: z.array(importError),
  errorCount: z.number(),
  committed: z.boolean(),
});
const modeQuery = z.strictObject({ mode: z.enum(['preview', 'commit'], 'mode 应为 preview 或 commit').default('preview') });

/** The uploaded file of a multipart request (field `file`). */
async function uploadedFile(request: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
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

  // The same as a job with progress, for the browser: start, poll, commit, download the error report.
  app.post(
    '/api/enterprises/import-jobs',
    {
      schema: {
        tags: ['企业库导入导出'],
        summary: '上传文件并开始预览（后台任务）',
        consumes: ['multipart/form-data'],
        response: { 202: z.object({ id: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireAccess(request.actor, 'enterprise.import');
      const file = await uploadedFile(request);
      // A file that cannot be read (wrong type, zip bomb) is refused now, not in the job.
      await checkUpload(file.buffer, file.fileName);
      const job = await createJob(ctx, actor, { kind: 'enterprises', mode: 'preview', fileName: file.fileName, file: file.buffer });
      runJob(ctx, job, (j, who, progress) =>
        importEnterprises(ctx, who, { buffer: file.buffer, fileName: j.fileName }, 'preview', progress),
      );
      return reply.code(202).send({ id: job.id });
    },
  );

  app.post(
    '/api/enterprises/import-jobs/:id/commit',
    {
      schema: {
        tags: ['企业库导入导出'],
        summary: '确认导入已预览的文件（后台任务）',
        params: z.strictObject({ id: uuid() }),
        response: { 202: z.object({ id: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireAccess(request.actor, 'enterprise.import');
      const previewed = await findJob(ctx.db, actor, request.params.id);
      if (previewed.status !== 'done' || !previewed.hasFile) throw new AppError('IMPORT_NOT_PREVIEWED', 400, '请先完成预览再确认导入');
      // The previewed file itself, exactly what was checked (not copied: 15 MB take PGlite a second).
      const job = await createJob(ctx, actor, { kind: previewed.kind, mode: 'commit', fileName: previewed.fileName, file: null });
      runJob(ctx, job, async (j, who, progress) =>
        importEnterprises(ctx, who, { buffer: await jobFile(ctx.db, previewed.id), fileName: j.fileName }, 'commit', progress),
      );
      return reply.code(202).send({ id: job.id });
    },
  );

  app.get(
    '/api/enterprises/import-jobs/:id',
    {
      schema: {
        tags: ['企业库导入导出'],
        summary: '导入任务的进度和结果',
        params: z.strictObject({ id: uuid() }),
        response: {
          200: z.object({
            id: z.string(),
            mode: z.string(),
            status: z.string(),
            phase: z.string().nullable(),
            processedRows: z.number(),
            fileName: z.string(),
            result: importResult.nullable(),
            error: errorBody.nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = requireAccess(request.actor, 'import.read');
      const job = await findJob(ctx.db, actor, request.params.id);
      return {
        id: job.id,
        mode: job.mode,
        status: job.status,
        phase: job.phase,
        processedRows: job.processedRows,
        fileName: job.fileName,
        result: (job.result as ImportResult | null) ?? null,
        error: (job.error as z.infer<typeof errorBody> | null) ?? null,
      };
    },
  );

  app.get(
    '/api/enterprises/import-jobs/:id/error-report',
    { schema: { tags: ['企业库导入导出'], summary: '下载错误报告（xlsx：行号、列、说明）', params: z.strictObject({ id: uuid() }) } },
    async (request, reply) => {
      const actor = requireAccess(request.actor, 'import.read');
      const job = await findJob(ctx.db, actor, request.params.id);
      const result = job.result as ImportResult | null;
      const details = (job.error as { details?: ImportResult } | null)?.details;
      const list: ImportError[] = result?.errors ?? details?.errors ?? [];
      return sendXlsx(reply, `导入错误报告-${job.fileName}.xlsx`, await errorReport(list));
    },
  );
};
