import { z } from 'zod';
import type { RoutePlugin } from '../../server/http.js';
import { errorBody, text } from '../../server/validation.js';
import { listClusters, listDistricts, listIndustries } from './list-reference.js';
import { CLUSTER_CATEGORIES, changeCluster, createCluster } from './save-cluster.js';

const district = z.object({ code: z.string(), name: z.string(), kind: z.string(), sortOrder: z.number() });
const industry = z.object({ code: z.string(), name: z.string(), level: z.string(), parentCode: z.string().nullable() });
const cluster = z.object({
  code: z.string(),
  name: z.string(),
  category: z.string(),
  sortOrder: z.number(),
  active: z.boolean(),
  note: z.string().nullable(),
  version: z.number(),
});
const clusterFields = {
  name: text(50),
  category: z.enum(CLUSTER_CATEGORIES, '集群类别不正确'),
  sortOrder: z.number().int().min(0).max(10_000),
  active: z.boolean(),
  note: text(200).nullable().optional(),
};
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const referenceRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/reference/districts',
    { schema: { tags: ['参考数据'], summary: '区县及功能区', response: { 200: z.array(district), 401: errorBody } } },
    (request) => listDistricts(ctx, request.actor),
  );
  app.get(
    '/api/reference/industries',
    { schema: { tags: ['参考数据'], summary: '国民经济行业分类（门类、大类）', response: { 200: z.array(industry), 401: errorBody } } },
    (request) => listIndustries(ctx, request.actor),
  );
  app.get(
    '/api/reference/clusters',
    { schema: { tags: ['参考数据'], summary: '"33618"产业集群', response: { 200: z.array(cluster), 401: errorBody } } },
    (request) => listClusters(ctx, request.actor),
  );
  app.post(
    '/api/reference/clusters',
    {
      schema: {
        tags: ['参考数据'],
        summary: '新增集群（市经信委）',
        body: z.strictObject({ code: z.string().regex(/^[A-Z0-9]{1,8}$/, '代码为 1～8 位大写字母或数字'), ...clusterFields }),
        response: { 201: cluster, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createCluster(ctx, request.actor, request.body)),
  );
  app.patch(
    '/api/reference/clusters/:code',
    {
      schema: {
        tags: ['参考数据'],
        summary: '修改集群（市经信委）',
        params: z.strictObject({ code: z.string().max(8) }),
        body: z.strictObject({ version: z.number().int().positive(), ...z.object(clusterFields).partial().shape }),
        response: { 200: cluster, ...errors },
      },
    },
    (request) => {
      const { version, ...changes } = request.body;
      return changeCluster(ctx, request.actor, request.params.code, version, changes);
    },
  );
};
