import type { EvaluationInput } from '../../domain/evaluation/types.js';
import type { RoutePlugin } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { idParams } from '../enterprises/enterprises.schemas.js';
import { buildEvaluationInput } from './build-input.js';
import { previewBody, previewResponse } from './evaluation.schemas.js';
import { previewEvaluation } from './preview-evaluation.js';

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
      previewEvaluation({ ...request.body, enterprise: { domesticRank: null, ...request.body.enterprise } } as EvaluationInput),
  );
};
