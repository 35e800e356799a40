import type { z } from 'zod';
import type {
  changePasswordBody,
  createUserBody,
  loginBody,
  meResponse,
  resetPasswordBody,
  updateUserBody,
  userListResponse,
  userResponse,
} from '../../../../src/modules/auth/auth.schemas';
import { api, query } from '../../shared/api';
import type { Json } from '../../shared/json';

export type Me = Json<z.output<typeof meResponse>>;
export type UserList = Json<z.output<typeof userListResponse>>;
export type UserRow = UserList['items'][number];
export type User = Json<z.output<typeof userResponse>>;
export type NewUser = z.input<typeof createUserBody>;
export type UserChange = z.input<typeof updateUserBody>;

/** The session is 'me' (dropping everything else at logout keeps it); the user lists start with 'users'. */
export const authKeys = {
  me: ['me'] as const,
  users: ['users'] as const,
  userList: (filter: object) => ['users', filter] as const,
};

export const fetchMe = () => api<Me>('/api/auth/me');
export const login = (body: z.input<typeof loginBody>) => api<Me>('/api/auth/login', { method: 'POST', body });
export const logout = () => api<{ ok: true }>('/api/auth/logout', { method: 'POST' });
export const changePassword = (body: z.input<typeof changePasswordBody>) =>
  api<{ ok: true }>('/api/auth/password', { method: 'POST', body });

export const fetchUsers = (f: { q?: string; role?: string; page: number; pageSize: number }) => api<UserList>(`/api/users${query(f)}`);
export const createUser = (body: NewUser) => api<User>('/api/users', { method: 'POST', body });
export const updateUser = (id: string, body: UserChange) => api<User>(`/api/users/${id}`, { method: 'PATCH', body });
export const resetPassword = (id: string, body: z.input<typeof resetPasswordBody>) =>
  api<User>(`/api/users/${id}/reset-password`, { method: 'POST', body });
