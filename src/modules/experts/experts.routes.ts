import { z } from 'zod';
import type { RoutePlugin } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { assignExpert } from './assign-expert.js';
import { createExpert } from './create-expert.js';
import { createExpertAccount } from './create-expert-account.js';
import { declareExpertConflict } from './declare-expert-conflict.js';
import {
  assignmentBody,
  assignmentParams,
  assignmentResult,
  conflictBody,
  conflictParams,
  conflictResult,
  createAccountBody,
  createExpertBody,
  enterpriseParams,
  expertDetail,
  expertListQuery,
  expertPage,
  expertParams,
  updateExpertBody,
  visitBody,
  visitItem,
  visitList,
} from './experts.schemas.js';
import { getExpert } from './get-expert.js';
import { getMyExpertProfile } from './get-my-expert-profile.js';
import { listEnterpriseVisits } from './list-enterprise-visits.js';
import { listExperts } from './list-experts.js';
import { recordExpertVisit } from './record-expert-visit.js';
import { unassignExpert } from './unassign-expert.js';
import { updateExpert } from './update-expert.js';
import { withdrawExpertConflict } from './withdraw-expert-conflict.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['专家库'];

export const expertsRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/experts',
    {
      schema: {
        tags,
        summary: '专家库列表（市经信委；姓名或单位搜索，按行业、服务区县筛选）',
        querystring: expertListQuery,
        response: { 200: expertPage, ...errors },
      },
    },
    (request) => listExperts(ctx, request.actor, request.query),
  );

  app.post(
    '/api/experts',
    { schema: { tags, summary: '新增专家（可同时开通专家登录账号）', body: createExpertBody, response: { 201: expertDetail, ...errors } } },
    async (request, reply) => reply.code(201).send(await createExpert(ctx, request.actor, request.body)),
  );

  app.get(
    '/api/experts/me',
    { schema: { tags, summary: '本人的专家信息和服务分配（专家账号）', response: { 200: expertDetail, ...errors } } },
    (request) => getMyExpertProfile(ctx, request.actor),
  );

  app.get(
    '/api/experts/:id',
    { schema: { tags, summary: '专家详情（利益冲突申报、服务分配）', params: expertParams, response: { 200: expertDetail, ...errors } } },
    (request) => getExpert(ctx, request.actor, request.params.id),
  );

  app.put(
    '/api/experts/:id',
    { schema: { tags, summary: '修改专家信息', params: expertParams, body: updateExpertBody, response: { 200: expertDetail, ...errors } } },
    (request) => updateExpert(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/experts/:id/account',
    {
      schema: {
        tags,
        summary: '为专家开通登录账号（首次登录须修改密码）',
        params: expertParams,
        body: createAccountBody,
        response: { 201: expertDetail, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createExpertAccount(ctx, request.actor, request.params.id, request.body)),
  );

  app.post(
    '/api/experts/:id/conflicts',
    {
      schema: {
        tags,
        summary: '登记专家申报的利益冲突（该企业此后不会分配给该专家，已有的点对点分配同时取消）',
        params: expertParams,
        body: conflictBody,
        response: { 201: conflictResult, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await declareExpertConflict(ctx, request.actor, request.params.id, request.body)),
  );

  app.delete(
    '/api/experts/:id/conflicts/:enterpriseId',
    { schema: { tags, summary: '撤销误登记的利益冲突', params: conflictParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await withdrawExpertConflict(ctx, request.actor, request.params.id, request.params.enterpriseId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/experts/:id/assignments',
    {
      schema: {
        tags,
        summary: '分配专家：点对点服务一家“小巨人”企业，或按区县服务该区县全部专精特新中小企业（含此后新增的）',
        params: expertParams,
        body: assignmentBody,
        response: { 201: assignmentResult, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await assignExpert(ctx, request.actor, request.params.id, request.body)),
  );

  app.delete(
    '/api/experts/:id/assignments/:assignmentId',
    { schema: { tags, summary: '取消一项专家分配（服务记录保留）', params: assignmentParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await unassignExpert(ctx, request.actor, request.params.id, request.params.assignmentId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/enterprises/:id/expert-visits',
    {
      schema: {
        tags,
        summary: '企业的专家服务记录（企业本身、所在区县、市经信委可见；专家只见本人记录）',
        params: enterpriseParams,
        response: { 200: visitList, ...errors },
      },
    },
    (request) => listEnterpriseVisits(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/enterprises/:id/expert-visits',
    {
      schema: {
        tags,
        summary: '专家记录一次服务（走访或咨询建议），企业和所在区县经信委收到消息',
        params: enterpriseParams,
        body: visitBody,
        response: { 201: visitItem, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await recordExpertVisit(ctx, request.actor, request.params.id, request.body)),
  );
};
