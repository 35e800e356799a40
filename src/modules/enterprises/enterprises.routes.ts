import { z } from 'zod';
import { todayInShanghai } from '../../domain/dates.js';
import { type RoutePlugin, sendXlsx } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { createEnterprise } from './create-enterprise.js';
import {
  createEnterpriseBody,
  enterpriseDetail,
  enterpriseList,
  idParams,
  listingBody,
  listingParams,
  listingRecord,
  listQuery,
  updateEnterpriseBody,
} from './enterprises.schemas.js';
import { exportEnterprises } from './export-enterprises.js';
import { getEnterpriseDetail } from './get-enterprise-detail.js';
import { listEnterpriseListings } from './list-enterprise-listings.js';
import { listEnterprises } from './list-enterprises.js';
import { recordEnterpriseListing } from './record-enterprise-listing.js';
import { removeEnterpriseListing } from './remove-enterprise-listing.js';
import { updateEnterprise } from './update-enterprise.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** The record as stored (amounts in whole yuan); the detail adds years, titles, honours and history. */
const enterpriseRecord = z.looseObject({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  districtCode: z.string(),
  zoneCode: z.string().nullable(),
  industryCode: z.string().nullable(),
  sizeClass: z.string().nullable(),
  version: z.number(),
});

export const enterprisesRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/enterprises',
    {
      schema: {
        tags: ['企业库'],
        summary: '企业列表（按数据权限范围；名称任意部分或信用代码前缀搜索，多条件筛选、排序、分页）',
        querystring: listQuery,
        response: { 200: enterpriseList, ...errors },
      },
    },
    (request) => listEnterprises(ctx, request.actor, request.query),
  );

  app.get(
    '/api/enterprises/export',
    {
      schema: {
        tags: ['企业库导入导出'],
        summary: '导出筛选结果（xlsx，与导入模板同格式，可修改后再导入）',
        querystring: listQuery.omit({ page: true, pageSize: true, sort: true }),
      },
    },
    async (request, reply) => {
      const stream = await exportEnterprises(ctx, request.actor, request.query);
      const name = `企业库导出-${todayInShanghai()}.xlsx`; // Chongqing's date, not UTC's
      return sendXlsx(reply, name, stream);
    },
  );

  app.get(
    '/api/enterprises/:id',
    {
      schema: {
        tags: ['企业库'],
        summary: '企业详情（年度指标及同比、称号、资质荣誉、变更记录）',
        params: idParams,
        response: { 200: enterpriseDetail, ...errors },
      },
    },
    (request) => getEnterpriseDetail(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/enterprises',
    {
      schema: { tags: ['企业库'], summary: '新增企业', body: createEnterpriseBody, response: { 201: enterpriseRecord, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await createEnterprise(ctx, request.actor, request.body)),
  );

  app.patch(
    '/api/enterprises/:id',
    {
      schema: {
        tags: ['企业库'],
        summary: '修改企业（带版本号，防止覆盖他人修改）',
        params: idParams,
        body: updateEnterpriseBody,
        response: { 200: enterpriseRecord, ...errors },
      },
    },
    (request) => updateEnterprise(ctx, request.actor, request.params.id, request.body as never),
  );

  // 上市进程 (issue 12): the listing record, one entry per stage reached.
  app.get(
    '/api/enterprises/:id/listings',
    {
      schema: {
        tags: ['企业库'],
        summary: '企业上市进程（股改、挂牌、辅导备案、申报受理、上市及日期）',
        params: idParams,
        response: { 200: listingRecord, ...errors },
      },
    },
    (request) => listEnterpriseListings(ctx, request.actor, request.params.id),
  );
  app.put(
    '/api/enterprises/:id/listings/:stage',
    {
      schema: {
        tags: ['企业库'],
        summary: '登记或更正上市进程的一个阶段（市经信委、企业所在区县）',
        params: listingParams,
        body: listingBody,
        response: { 200: listingRecord, ...errors },
      },
    },
    (request) => recordEnterpriseListing(ctx, request.actor, request.params.id, request.params.stage, request.body),
  );
  app.delete(
    '/api/enterprises/:id/listings/:stage',
    {
      schema: {
        tags: ['企业库'],
        summary: '删除误登记的上市进程阶段（市经信委、企业所在区县）',
        params: listingParams,
        response: { 200: listingRecord, ...errors },
      },
    },
    (request) => removeEnterpriseListing(ctx, request.actor, request.params.id, request.params.stage),
  );
};
