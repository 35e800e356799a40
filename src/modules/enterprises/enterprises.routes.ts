import { z } from 'zod';
import type { RoutePlugin } from '../../server/http.js';
import { errorBody, paging, uuid } from '../../server/validation.js';
import { getEnterprise } from './get-enterprise.js';
import { listEnterprises } from './list-enterprises.js';

const enterprise = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  zoneCode: z.string().nullable(),
  industryCode: z.string().nullable(),
  establishedOn: z.string().nullable(),
  version: z.number(),
});

export const enterprisesRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/enterprises',
    {
      schema: {
        tags: ['企业库'],
        summary: '企业列表（按数据权限范围）',
        querystring: z.strictObject({ q: z.string().trim().max(100).optional(), district: z.string().max(16).optional(), ...paging }),
        response: { 200: z.object({ items: z.array(enterprise), total: z.number() }), 401: errorBody, 404: errorBody },
      },
    },
    (request) => listEnterprises(ctx, request.actor, request.query),
  );
  app.get(
    '/api/enterprises/:id',
    {
      schema: {
        tags: ['企业库'],
        summary: '企业详情',
        params: z.strictObject({ id: uuid() }),
        response: { 200: enterprise, 401: errorBody, 404: errorBody },
      },
    },
    (request) => getEnterprise(ctx, request.actor, request.params.id),
  );
};
