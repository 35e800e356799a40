import type { z } from 'zod';
import type { cluster, district, industry, updateClusterBody } from '../../../../src/modules/reference/reference.schemas';
import { api } from '../../shared/api';

export type District = z.output<typeof district>;
export type Industry = z.output<typeof industry>;
export type Cluster = z.output<typeof cluster>;
export type ClusterChange = z.input<typeof updateClusterBody>;

/** Reference lists: every query of them starts with its name, so saving a cluster refreshes each picker. */
export const referenceKeys = {
  districts: ['districts'] as const,
  industries: ['industries'] as const,
  clusters: ['clusters'] as const,
};

export const fetchDistricts = () => api<District[]>('/api/reference/districts');
export const fetchIndustries = () => api<Industry[]>('/api/reference/industries');
export const fetchClusters = () => api<Cluster[]>('/api/reference/clusters');
export const updateCluster = (code: string, body: ClusterChange) =>
  api<Cluster>(`/api/reference/clusters/${encodeURIComponent(code)}`, { method: 'PATCH', body });
