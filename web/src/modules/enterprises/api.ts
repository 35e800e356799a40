import type { z } from 'zod';
import type {
  createEnterpriseBody,
  EnterpriseFacts,
  enterpriseDetail,
  enterpriseList,
  ListingInput,
  listingRecord,
  listQuery,
  updateEnterpriseBody,
} from '../../../../src/modules/enterprises/enterprises.schemas';
import type { importError, importJob, importResult, importStarted } from '../../../../src/modules/enterprises/import/import.schemas';
import { api, query } from '../../shared/api';
import type { Json } from '../../shared/json';

export type EnterpriseList = Json<z.output<typeof enterpriseList>>;
export type EnterpriseRow = EnterpriseList['items'][number];
export type EnterpriseDetail = Json<z.output<typeof enterpriseDetail>>;
export type Facts = EnterpriseFacts;
export type NewEnterprise = z.input<typeof createEnterpriseBody>;
export type EnterpriseChange = z.input<typeof updateEnterpriseBody>;
type ListFilter = { [K in keyof z.input<typeof listQuery>]?: string | number | null };
/** What a save answers: the record (`changed: false` when nothing differed). */
type Saved = { id: string; changed?: boolean };

/** Every enterprise query starts with 'enterprises' or 'enterprise': a save refreshes both. */
export const enterpriseKeys = {
  list: (filter: object) => ['enterprises', filter] as const,
  count: ['enterprises', 'count'] as const,
  one: (id: string) => ['enterprise', id] as const,
};

export const fetchEnterprises = (f: ListFilter) => api<EnterpriseList>(`/api/enterprises${query(f)}`);
export const fetchEnterprise = (id: string) => api<EnterpriseDetail>(`/api/enterprises/${id}`);
export const createEnterprise = (body: NewEnterprise) => api<Saved>('/api/enterprises', { method: 'POST', body });
export const updateEnterprise = (id: string, body: EnterpriseChange) => api<Saved>(`/api/enterprises/${id}`, { method: 'PATCH', body });

export type ImportJob = Omit<z.output<typeof importJob>, 'error'> & {
  /** A refused file: the rows' problems come with the error (details.errors, the first of details.errorCount). */
  error: { code: string; message: string; details?: { errors?: ImportError[]; errorCount?: number } } | null;
};
export type ImportResult = z.output<typeof importResult>;
export type ImportError = z.output<typeof importError>;
export type EnterpriseChanges = NonNullable<ImportResult['updates']>[number];
/** One field an update changes: amounts in whole yuan. */
export type FieldChange = EnterpriseChanges['changes'][number];

export const importKeys = { job: (id: string | undefined) => ['import-job', id] as const };

export const fetchImportJob = (id: string) => api<ImportJob>(`/api/enterprises/import-jobs/${id}`);
export const commitImport = (id: string) =>
  api<z.output<typeof importStarted>>(`/api/enterprises/import-jobs/${id}/commit`, { method: 'POST' });

// 上市进程 (issue 12): the listing record, one entry per stage reached.
export type ListingRecord = Json<z.output<typeof listingRecord>>;
export type { ListingInput };
export const listingKeys = { of: (id: string) => ['enterprise', id, 'listings'] as const };
export const fetchListings = (id: string) => api<ListingRecord>(`/api/enterprises/${id}/listings`);
export const saveListing = (id: string, stage: string, body: ListingInput) =>
  api<ListingRecord>(`/api/enterprises/${id}/listings/${encodeURIComponent(stage)}`, { method: 'PUT', body });
export const removeListing = (id: string, stage: string) =>
  api<ListingRecord>(`/api/enterprises/${id}/listings/${encodeURIComponent(stage)}`, { method: 'DELETE' });
