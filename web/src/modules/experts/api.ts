import type { z } from 'zod';
import type { listItem } from '../../../../src/modules/enterprises/enterprises.schemas';
import type {
  AssignmentInput,
  assignmentResult,
  expertDetail,
  expertPage,
  visitItem,
} from '../../../../src/modules/experts/experts.schemas';
import { api, query } from '../../shared/api';
import type { Json } from '../../shared/json';

export type ExpertPage = Json<z.output<typeof expertPage>>;
export type ExpertListItem = ExpertPage['items'][number];
export type ExpertDetail = Json<z.output<typeof expertDetail>>;
export type Visit = Json<z.output<typeof visitItem>>;
export type EnterpriseListItem = z.output<typeof listItem>;
export type { AssignmentInput };

export interface ExpertFields {
  name: string;
  industryCode: string;
  organization: string;
  districtCodes: string[];
  contactPhone?: string | null;
}

export const expertKeys = {
  all: ['experts'] as const,
  list: (f: object) => ['experts', 'list', f] as const,
  one: (id: string) => ['experts', 'one', id] as const,
  me: ['experts', 'me'] as const,
  visits: (enterpriseId: string) => ['experts', 'visits', enterpriseId] as const,
};

export const fetchExperts = (f: { q?: string; industry?: string; district?: string; page: number; pageSize: number }) =>
  api<ExpertPage>(`/api/experts${query(f)}`);
export const fetchExpert = (id: string) => api<ExpertDetail>(`/api/experts/${id}`);
export const fetchMyProfile = () => api<ExpertDetail>('/api/experts/me');
export const createExpert = (body: ExpertFields & { account?: { username: string; password: string } }) =>
  api<ExpertDetail>('/api/experts', { method: 'POST', body });
export const updateExpert = (id: string, body: ExpertFields & { version: number }) =>
  api<ExpertDetail>(`/api/experts/${id}`, { method: 'PUT', body });
export const createAccount = (id: string, body: { username: string; password: string }) =>
  api<ExpertDetail>(`/api/experts/${id}/account`, { method: 'POST', body });
export const declareConflict = (id: string, body: { enterpriseId: string; reason: string }) =>
  api<{ removedAssignment: boolean }>(`/api/experts/${id}/conflicts`, { method: 'POST', body });
export const withdrawConflict = (id: string, enterpriseId: string) =>
  api<null>(`/api/experts/${id}/conflicts/${enterpriseId}`, { method: 'DELETE' });
export const assignExpert = (id: string, body: AssignmentInput) =>
  api<Json<z.output<typeof assignmentResult>>>(`/api/experts/${id}/assignments`, { method: 'POST', body });
export const unassignExpert = (id: string, assignmentId: string) =>
  api<null>(`/api/experts/${id}/assignments/${assignmentId}`, { method: 'DELETE' });

export const fetchVisits = (enterpriseId: string) => api<{ items: Visit[] }>(`/api/enterprises/${enterpriseId}/expert-visits`);
export const recordVisit = (
  enterpriseId: string,
  body: { visitedOn: string; form: string; topic: string; advice: string; followUp?: string | null; fileIds: string[] },
) => api<Visit>(`/api/enterprises/${enterpriseId}/expert-visits`, { method: 'POST', body });

/** Enterprises for pickers and the expert's list (the server filters by the caller's scope). */
export const searchEnterprises = (f: { q?: string; tier?: string; page?: number; pageSize?: number }) =>
  api<{ items: EnterpriseListItem[]; total: number }>(`/api/enterprises${query({ pageSize: 20, ...f })}`);
