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
import {
  assessmentDate,
  correctionImpact,
  currentRunResponse,
  enterpriseEvaluationsResponse,
  poolPage,
  previewBody,
  previewResponse,
  publishedVersion,
  ruleSetList,
  ruleSetParameters,
  runResponse,
  runStarted,
} from './evaluation.schemas.js';
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
          200: ruleSetList,
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
          202: runStarted,
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

  const runOf = (run: RunRow) => ({
    id: run.id,
    status: run.status as z.infer<typeof runResponse>['status'],
    total: run.total,
    processed: run.processed,
    assessmentDate: run.assessmentDate,
    counts: run.counts as z.infer<typeof runResponse>['counts'],
    error: run.error as z.infer<typeof runResponse>['error'],
  });

  app.get(
    '/api/evaluations/runs/current',
    {
      schema: {
        tags: ['梯度培育评价'],
        summary: '本数据权限范围最近一次批量评价（进行中或已结束；尚未运行过为 null）',
        response: { 200: currentRunResponse, ...errors },
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
        response: { 200: runResponse, ...errors },
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
          200: poolPage,
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
          // The stored rows' JSON columns are untyped here; enterpriseEvaluationsResponse names their shape for the web.
          200: z.object({
            latest: z.array(z.looseObject({ tier: z.string() })),
            history: z.array(z.looseObject({ tier: z.string() })),
            questions: enterpriseEvaluationsResponse.shape.questions,
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
          200: ruleSetParameters,
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
          200: correctionImpact,
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
        response: { 201: publishedVersion, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await publishCorrection(ctx, request.actor, request.params.id, request.body.values, request.body.note)),
  );
};
