import { z } from 'zod';
import { todayInShanghai } from '../../domain/dates.js';
import { describeRuleSets } from '../../domain/evaluation/catalog.js';
import type { EvaluationInput } from '../../domain/evaluation/types.js';
import { unauthenticated } from '../../server/errors.js';
import { type RoutePlugin, sendXlsx } from '../../server/http.js';
import { errorBody, paging, text } from '../../server/validation.js';
import { idParams, listQuery } from '../enterprises/enterprises.schemas.js';
import { buildEvaluationInput } from './build-input.js';
import type { RunRow } from './evaluation.repo.js';
import { assessmentDate, previewBody, previewResponse } from './evaluation.schemas.js';
import { exportPool } from './export-pool.js';
import { currentRun } from './get-current-run.js';
import { enterpriseEvaluations } from './get-enterprise-evaluations.js';
import { parametersOf } from './get-rule-set-parameters.js';
import { getRun } from './get-run.js';
import { listPipelinePool } from './list-pipeline-pool.js';
import { currentCorrections } from './load-corrections.js';
import { poolExportFileName } from './pool-export-file-name.js';
import { previewImpact } from './preview-correction-impact.js';
import { previewEvaluation } from './preview-evaluation.js';
import { publishCorrection } from './publish-rule-set-correction.js';
import { startBatchEvaluation } from './start-batch-evaluation.js';

export const evaluationRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/evaluations/input/:id',
    {
      schema: {
        tags: ['梯度培育评价'],
        summary: '企业库中某企业的测算输入（自评表单的预填内容；按数据权限）',
        params: idParams,
        response: { 200: previewBody, 401: errorBody, 404: errorBody },
      },
    },
    (request) => buildEvaluationInput(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/evaluations/preview',
    {
      // Open to anyone (the public calculator), so limited per IP.
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['梯度培育评价'],
        summary: '自评测算：按评价日期和申报类型选用规则，逐项给出得分、条件和差距（不保存，无需登录）',
        body: previewBody,
        response: { 200: previewResponse, 400: errorBody, 429: errorBody },
      },
    },
    async (request) =>
      previewEvaluation(
        { ...request.body, enterprise: { domesticRank: null, ...request.body.enterprise } } as EvaluationInput,
        await currentCorrections(ctx),
      ),
  );

  const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
  // The pool's filters, shared by the list and its export (the registry's own industry rule).
  const poolFilter = z.strictObject({
    tier: z.enum(['innovative', 'srdi', 'little_giant']),
    status: z.enum(['qualified', 'review', 'near']).optional(),
    district: z.string().max(16).optional(),
    industry: listQuery.shape.industry,
  });

  app.get(
    '/api/evaluations/rule-sets',
    {
      schema: {
        tags: ['梯度培育评价'],
        summary: '评价规则（各规则集的指标、档次、门槛、适用日期和依据）',
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              tier: z.string(),
              appliesTo: z.string(),
              document: z.string(),
              confidence: z.string(),
              version: z.number(),
              rows: z.array(z.object({ kind: z.string(), name: z.string(), rule: z.string(), source: z.string() })),
            }),
          ),
          401: errorBody,
        },
      },
    },
    async (request) => {
      if (!request.actor) throw unauthenticated();
      return describeRuleSets(await currentCorrections(ctx));
    },
  );

  app.post(
    '/api/evaluations/runs',
    {
      schema: {
        tags: ['梯度培育评价'],
        summary: '对数据权限范围内全部企业（或其中一家）运行批量评价（后台任务）',
        body: z
          .strictObject({
            assessmentDate: assessmentDate.optional(),
            enterpriseId: z.uuid('企业编号格式不正确').optional().describe('只评价这一家企业（如人工审核后重新评价）'),
          })
          .nullish(),
        response: {
          202: z.object({
            id: z.string(),
            total: z.number(),
            jobId: z.string().nullable().describe('后台任务：进度和结果见 GET /api/jobs/:id'),
          }),
          409: errorBody,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const run = await startBatchEvaluation(ctx, request.actor, request.body?.assessmentDate, request.body?.enterpriseId);
      return reply.code(202).send({ id: run.id, total: run.total, jobId: run.jobId });
    },
  );

  const runBody = z.object({
    id: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed', 'interrupted']),
    total: z.number(),
    processed: z.number(),
    assessmentDate: z.string(),
    counts: z.unknown(),
    error: z.unknown(),
  });
  const runOf = (run: RunRow) => ({
    id: run.id,
    status: run.status as z.infer<typeof runBody>['status'],
    total: run.total,
    processed: run.processed,
    assessmentDate: run.assessmentDate,
    counts: run.counts,
    error: run.error,
  });

  app.get(
    '/api/evaluations/runs/current',
    {
      schema: {
        tags: ['梯度培育评价'],
        summary: '本数据权限范围最近一次批量评价（进行中或已结束；尚未运行过为 null）',
        response: { 200: z.object({ run: runBody.nullable() }), ...errors },
      },
    },
    async (request) => {
      const run = await currentRun(ctx, request.actor);
      return { run: run && runOf(run) };
    },
  );

  app.get(
    '/api/evaluations/runs/:id',
    {
      schema: {
        tags: ['梯度培育评价'],
        summary: '批量评价的进度和结果统计',
        params: idParams,
        response: { 200: runBody, ...errors },
      },
    },
    async (request) => runOf(await getRun(ctx, request.actor, request.params.id)),
  );

  app.get(
    '/api/evaluations/pool',
    {
      schema: {
        tags: ['梯度培育评价'],
        summary: '后备库：已符合但未获得该称号、或差一项条件/几分即可达到的企业',
        querystring: poolFilter.extend(paging),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                enterpriseId: z.string(),
                uscc: z.string(),
                name: z.string(),
                districtCode: z.string(),
                districtName: z.string(),
                industryCode: z.string().nullable(),
                currentTier: z.string().nullable(),
                tier: z.string(),
                ruleSet: z.string(),
                outcome: z.string(),
                score: z.number().nullable(),
                failed: z.array(z.string()),
                missing: z.array(z.string()),
                evaluatedAt: z.date(),
              }),
            ),
            total: z.number(),
          }),
          ...errors,
        },
      },
    },
    (request) => listPipelinePool(ctx, request.actor, request.query),
  );

  app.get(
    '/api/evaluations/pool/export',
    {
      schema: {
        tags: ['梯度培育评价'],
        summary: '导出后备库（xlsx）',
        querystring: poolFilter,
      },
    },
    async (request, reply) => {
      const stream = await exportPool(ctx, request.actor, request.query);
      const name = poolExportFileName(request.query.tier, todayInShanghai());
      return sendXlsx(reply, name, stream);
    },
  );

  app.get(
    '/api/evaluations/enterprise/:id',
    {
      schema: {
        tags: ['梯度培育评价'],
        summary: '某企业最近一次评价（分梯度）及历次评价',
        params: idParams,
        response: {
          200: z.object({
            latest: z.array(z.looseObject({ tier: z.string() })),
            history: z.array(z.looseObject({ tier: z.string() })),
            questions: z
              .array(z.object({ id: z.string(), tier: z.string(), name: z.string(), question: z.string(), answer: z.boolean().nullable() }))
              .describe('最近评价中需人工审核的事项及已记录的审核结论'),
          }),
          ...errors,
        },
      },
    },
    (request) => enterpriseEvaluations(ctx, request.actor, request.params.id),
  );

  const ruleSetParams = z.strictObject({ id: z.string().max(40) });
  const values = z.record(z.string().max(60), z.number()).refine((v) => Object.keys(v).length > 0, '至少修正一个参数');

  app.get(
    '/api/evaluations/rule-sets/:id/parameters',
    {
      schema: {
        tags: ['梯度培育评价'],
        summary: '规则集的数值参数（出厂值与当前值）',
        params: ruleSetParams,
        response: {
          200: z.object({
            ruleSet: z.string(),
            version: z.number(),
            parameters: z.array(z.object({ path: z.string(), label: z.string(), shipped: z.number(), current: z.number() })),
          }),
          ...errors,
        },
      },
    },
    (request) => parametersOf(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/evaluations/rule-sets/:id/impact',
    {
      schema: {
        tags: ['梯度培育评价'],
        summary: '发布修正前：已存储的评价结果中有多少条的结论会改变（按区县和层级）',
        params: ruleSetParams,
        body: z.strictObject({ values }),
        response: {
          200: z.object({
            ruleSet: z.string(),
            tier: z.string(),
            stored: z.number().describe('该规则集（各版本）已存储的评价结果条数'),
            evaluated: z.number(),
            changed: z.number().describe('因本次修正而改变结论的条数'),
            outdated: z.number().describe('按现行参数重新评价已与存储结论不同的条数（企业数据已更新）'),
            districts: z.array(
              z.object({
                districtCode: z.string(),
                districtName: z.string(),
                tier: z.string(),
                toQualified: z.number(),
                toNotQualified: z.number(),
                other: z.number(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    (request) => previewImpact(ctx, request.actor, request.params.id, request.body.values),
  );

  app.post(
    '/api/evaluations/rule-sets/:id/versions',
    {
      schema: {
        tags: ['梯度培育评价'],
        summary: '发布参数修正（新版本，记入审计日志）',
        params: ruleSetParams,
        body: z.strictObject({ values, note: text(200) }),
        response: { 201: z.object({ ruleSet: z.string(), version: z.number() }), ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await publishCorrection(ctx, request.actor, request.params.id, request.body.values, request.body.note)),
  );
};
