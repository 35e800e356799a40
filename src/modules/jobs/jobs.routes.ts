import type { RoutePlugin } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { getJob } from './get-job.js';
import { jobParams, jobResponse } from './jobs.schemas.js';

export const jobsRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['后台任务'],
        summary: '后台任务的进度和结果（仅发起人可查看）',
        params: jobParams,
        response: { 200: jobResponse, 401: errorBody, 404: errorBody },
      },
    },
    (request) => getJob(ctx, request.actor, request.params.id),
  );
};
