import type { RoutePlugin } from '../../server/http.js';
import { changeCluster } from './change-cluster.js';
import { createCluster } from './create-cluster.js';
import { listClusters } from './list-clusters.js';
import { listDistricts } from './list-districts.js';
import { listIndustries } from './list-industries.js';
import {
  cluster,
  clusterList,
  clusterParams,
  createClusterBody,
  districtList,
  referenceErrors as errors,
  industryList,
  unauthenticatedOnly,
  updateClusterBody,
} from './reference.schemas.js';

export const referenceRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/reference/districts',
    { schema: { tags: ['参考数据'], summary: '区县及功能区', response: { 200: districtList, ...unauthenticatedOnly } } },
    (request) => listDistricts(ctx, request.actor),
  );
  app.get(
    '/api/reference/industries',
    { schema: { tags: ['参考数据'], summary: '国民经济行业分类（门类、大类）', response: { 200: industryList, ...unauthenticatedOnly } } },
    (request) => listIndustries(ctx, request.actor),
  );
  app.get(
    '/api/reference/clusters',
    { schema: { tags: ['参考数据'], summary: '"33618"产业集群', response: { 200: clusterList, ...unauthenticatedOnly } } },
    (request) => listClusters(ctx, request.actor),
  );
  app.post(
    '/api/reference/clusters',
    {
      schema: {
        tags: ['参考数据'],
        summary: '新增集群（市经信委）',
        body: createClusterBody,
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
        params: clusterParams,
        body: updateClusterBody,
        response: { 200: cluster, ...errors },
      },
    },
    (request) => {
      const { version, ...changes } = request.body;
      return changeCluster(ctx, request.actor, request.params.code, version, changes);
    },
  );
};
