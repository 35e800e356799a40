import type { RoutePlugin } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { batchReviewApplications } from './batch-review-applications.js';
import { getApplication } from './get-application.js';
import { listApplications } from './list-applications.js';
import {
  applicationDetail,
  applicationListQuery,
  applicationPage,
  batchActionBody,
  batchActionResult,
  checklistBody,
  idParams,
} from './recognition.schemas.js';
import { updateApplicationChecklist } from './update-application-checklist.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['认定管理'];

// All routes of the recognition module (认定管理). Each part adds its routes under its own comment.
export const recognitionRoutes: RoutePlugin = async (app, { ctx }) => {
  // ---- A: applications, enterprise side ----

  app.get(
    '/api/recognition/applications/:id',
    {
      schema: {
        tags,
        summary: '申报详情（含审核记录和当前可执行的操作）',
        params: idParams,
        response: { 200: applicationDetail, ...errors },
      },
    },
    (request) => getApplication(ctx, request.actor, request.params.id),
  );

  // ---- R: applications, review side ----

  app.get(
    '/api/recognition/applications',
    {
      schema: {
        tags,
        summary:
          '申报列表（市经信委全部；区县本区县；企业本企业；专家分配给本人的），可按批次、状态、层级、分数段、行业、区县、初审逾期筛选',
        querystring: applicationListQuery,
        response: { 200: applicationPage, ...errors },
      },
    },
    (request) => listApplications(ctx, request.actor, request.query),
  );

  app.post(
    '/api/recognition/applications/batch-actions',
    {
      schema: {
        tags,
        summary: '批量审核（初审通过或复审通过）：全部可以执行才执行，否则一份也不改并列出不能执行的申报',
        body: batchActionBody,
        response: { 200: batchActionResult, ...errors },
      },
    },
    (request) => batchReviewApplications(ctx, request.actor, request.body),
  );

  app.put(
    '/api/recognition/applications/:id/checklist',
    {
      schema: {
        tags,
        summary: '初审核查（信用中国、经营异常名录、严重失信主体名单、实地抽查）',
        params: idParams,
        body: checklistBody,
        response: { 200: applicationDetail, ...errors },
      },
    },
    (request) => updateApplicationChecklist(ctx, request.actor, request.params.id, request.body),
  );

  // ---- B: rounds, 公示, 公告, titles, revocation ----

  // ---- C: expert scoring, objections ----

  // ---- D: annual update, 有进有出, title story ----
};
