import type { RoutePlugin } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { getWorkbench } from './get-workbench.js';
import { workbenchQuery, workbenchResponse } from './workbench.schemas.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

// 工作台 (issue 12): what needs doing now, per role, with counts and links.
export const workbenchRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/workbench',
    {
      schema: {
        tags: ['工作台'],
        summary: '工作台：当前角色待办事项的数量和对应的筛选列表链接',
        querystring: workbenchQuery,
        response: { 200: workbenchResponse, ...errors },
      },
    },
    (request) => getWorkbench(ctx, request.actor),
  );
};
