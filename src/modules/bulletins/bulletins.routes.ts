import type { FastifyReply } from 'fastify';
import { type RoutePlugin, sendXlsx } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import {
  bulletinIdParams,
  bulletinList,
  bulletinResult,
  draftQuery,
  draftResult,
  publishBody,
  settingsBody,
  settingsResult,
} from './bulletins.schemas.js';
import { exportBulletinDocument, exportBulletinXlsx } from './export-bulletin-files.js';
import { getBulletin } from './get-bulletin.js';
import { getBulletinDraft } from './get-bulletin-draft.js';
import { getBulletinSettings } from './get-bulletin-settings.js';
import { listBulletins } from './list-bulletins.js';
import { publishBulletin } from './publish-bulletin.js';
import { setBulletinSettings } from './set-bulletin-settings.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['定期通报'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function sendDocx(reply: FastifyReply, fileName: string, body: Buffer) {
  return reply
    .type(DOCX)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body);
}

// 定期通报 (issue 12): settings, the draft ranking of the districts, publication (frozen), docx and xlsx.
export const bulletinsRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/bulletins/settings',
    { schema: { tags, summary: '通报设置：指标、权重、计分方法、封顶值', response: { 200: settingsResult, ...errors } } },
    (request) => getBulletinSettings(ctx, request.actor),
  );

  app.put(
    '/api/bulletins/settings',
    {
      schema: {
        tags,
        summary: '修改通报设置（市级）：权重为整数且合计 100，否则 400 BULLETIN_WEIGHTS_SUM',
        body: settingsBody,
        response: { 200: settingsResult, ...errors },
      },
    },
    (request) => setBulletinSettings(ctx, request.actor, request.body),
  );

  app.get(
    '/api/bulletins/draft',
    {
      schema: {
        tags,
        summary: '通报草稿（市级）：各区县得分、排名、较上期变化及每项得分所依据的数据',
        querystring: draftQuery,
        response: { 200: draftResult, ...errors },
      },
    },
    (request) => getBulletinDraft(ctx, request.actor, request.query),
  );

  app.post(
    '/api/bulletins',
    {
      schema: {
        tags,
        summary: '发布通报（市级）：冻结本期数据；同一期再次发布须指定 correctsId（更正），否则 409',
        body: publishBody,
        response: { 201: bulletinResult, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await publishBulletin(ctx, request.actor, request.body)),
  );

  app.get('/api/bulletins', { schema: { tags, summary: '已发布的通报', response: { 200: bulletinList, ...errors } } }, (request) =>
    listBulletins(ctx, request.actor),
  );

  app.get(
    '/api/bulletins/:id',
    { schema: { tags, summary: '已发布的通报（冻结数据）', params: bulletinIdParams, response: { 200: bulletinResult, ...errors } } },
    (request) => getBulletin(ctx, request.actor, request.params.id),
  );

  app.get(
    '/api/bulletins/:id/document.docx',
    { schema: { tags, summary: '通报正文（Word）', params: bulletinIdParams } },
    async (request, reply) => {
      const file = await exportBulletinDocument(ctx, request.actor, request.params.id);
      return sendDocx(reply, file.fileName, file.body);
    },
  );

  app.get(
    '/api/bulletins/:id/ranking.xlsx',
    { schema: { tags, summary: '通报排名及指标数据（xlsx）', params: bulletinIdParams } },
    async (request, reply) => {
      const file = await exportBulletinXlsx(ctx, request.actor, request.params.id);
      return sendXlsx(reply, file.fileName, file.body);
    },
  );
};
