import type { RoutePlugin } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { getApplication } from './get-application.js';
import { applicationDetail, idParams } from './recognition.schemas.js';

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

  // ---- B: rounds, 公示, 公告, titles, revocation ----

  // ---- C: expert scoring, objections ----

  // ---- D: annual update, 有进有出, title story ----
};
