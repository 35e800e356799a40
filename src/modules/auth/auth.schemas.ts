import { z } from 'zod';
import { ROLES } from '../../server/access.js';
import { paging, text, uuid } from '../../server/validation.js';

export const role = z.enum(ROLES, '角色不正确');

export const loginBody = z.strictObject({
  username: text(64),
  password: z.string().min(1, '不能为空').max(256, '不能超过 256 个字符'),
});

export const actorResponse = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role,
  roleLabel: z.string(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  organization: z.string().nullable(),
});

export const meResponse = z.object({
  user: actorResponse,
  expiresAt: z.string().optional(),
  /** The password was set by an administrator (or is the published demo one outside demo mode): change it first. */
  mustChangePassword: z.boolean(),
  /** At login: failed attempts on the account since the last login, in Chinese; null when there were none. */
  securityNotice: z.string().nullable().optional(),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, '不能为空').max(256, '不能超过 256 个字符'),
  newPassword: z.string().max(256, '不能超过 256 个字符'),
});

export const username = z
  .string()
  .trim()
  .min(3, '至少 3 个字符')
  .max(64, '不能超过 64 个字符')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, '只能包含字母、数字、点、下划线和连字符，并以字母或数字开头');

const bindingFields = {
  districtCode: z.string().max(16).nullable().optional(),
  enterpriseId: uuid().nullable().optional(),
  organization: text(100).nullable().optional(),
};

// Where the outbox reaches the user outside the platform (optional; an empty field clears it).
const empty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const contactFields = {
  email: z.preprocess(empty, z.email('电子邮箱格式不正确').max(254, '不能超过 254 个字符').nullable()).optional(),
  mobile: z
    .preprocess(
      empty,
      z
        .string()
        .trim()
        .regex(/^1\d{10}$/, '手机号码应为 1 开头的 11 位数字')
        .nullable(),
    )
    .optional(),
};

export const createUserBody = z.strictObject({
  username,
  displayName: text(50),
  role,
  password: z.string().max(128, '不能超过 128 个字符'),
  ...bindingFields,
  ...contactFields,
});

export const updateUserBody = z.strictObject({
  version: z.number().int().positive(),
  displayName: text(50).optional(),
  role: role.optional(),
  disabled: z.boolean().optional(),
  ...bindingFields,
  ...contactFields,
});

export const resetPasswordBody = z.strictObject({ password: z.string().max(128, '不能超过 128 个字符') });

export const userIdParams = z.strictObject({ id: uuid() });

export const listUsersQuery = z.strictObject({
  q: z.string().trim().max(64).optional(),
  role: role.optional(),
  districtCode: z.string().max(16).optional(),
  ...paging,
});

export const userResponse = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role,
  districtCode: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  organization: z.string().nullable(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.date().nullable(),
  lastLoginAt: z.date().nullable(),
  version: z.number(),
  createdAt: z.date(),
});

export const userListResponse = z.object({
  items: z.array(userResponse.extend({ districtName: z.string().nullable(), enterpriseName: z.string().nullable() })),
  total: z.number(),
});
