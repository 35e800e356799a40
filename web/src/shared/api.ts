import type { z } from 'zod';
import type { actorResponse, role } from '../../../src/modules/auth/auth.schemas';
import type { Json } from './json';

/** An error answer of the API: stable code, Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new ApiError(response.status, data?.code ?? 'HTTP_ERROR', data?.message ?? `请求失败（${response.status}）`, data?.details);
  }
  return data as T;
}

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** The roles (auth.schemas.ts `role`). */
export type Role = z.output<typeof role>;

/** The logged-in user (auth.schemas.ts `actorResponse`). */
export type CurrentUser = Json<z.output<typeof actorResponse>>;

/** A page of a list: its items and the total across all pages. */
export interface Page<T> {
  items: T[];
  total: number;
}

export type { District } from '../modules/reference/api';

export const ROLE_OPTIONS: { value: Role; label: string }[] = [
  { value: 'city_admin', label: '市经信委' },
  { value: 'district_admin', label: '区县经信委' },
  { value: 'department', label: '部门' },
  { value: 'enterprise', label: '企业' },
  { value: 'provider', label: '服务机构' },
  { value: 'bank', label: '金融机构' },
  { value: 'expert', label: '专家' },
];
export const roleLabel = (role: string) => ROLE_OPTIONS.find((r) => r.value === role)?.label ?? role;
