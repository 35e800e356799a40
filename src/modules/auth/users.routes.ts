import type { RoutePlugin } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import {
  createUserBody,
  listUsersQuery,
  resetPasswordBody,
  updateUserBody,
  userIdParams,
  userListResponse,
  userResponse,
} from './auth.schemas.js';
import { createUser } from './create-user.js';
import { listUsers } from './list-users.js';
import { resetPassword } from './reset-password.js';
import { updateUser } from './update-user.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const usersRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/api/users',
    { schema: { tags: ['用户管理'], summary: '用户列表', querystring: listUsersQuery, response: { 200: userListResponse, ...errors } } },
    (request) => listUsers(ctx, request.actor, request.query),
  );

  app.post(
    '/api/users',
    { schema: { tags: ['用户管理'], summary: '新建用户', body: createUserBody, response: { 201: userResponse, ...errors } } },
    async (request, reply) => reply.code(201).send(await createUser(ctx, request.actor, request.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['用户管理'],
        summary: '修改用户（姓名、角色、所属区县或企业、停用/启用）',
        params: userIdParams,
        body: updateUserBody,
        response: { 200: userResponse, ...errors },
      },
    },
    (request) => updateUser(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags: ['用户管理'],
        summary: '重置密码（同时解锁账号并结束其所有会话）',
        params: userIdParams,
        body: resetPasswordBody,
        response: { 200: userResponse, ...errors },
      },
    },
    (request) => resetPassword(ctx, request.actor, request.params.id, request.body.password),
  );
};
