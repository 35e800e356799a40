import type { z } from 'zod';
import type { jobResponse } from '../../../../src/modules/jobs/jobs.schemas';
import { api } from '../../shared/api';

// Dates arrive as JSON strings.
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
export type Job = Json<z.output<typeof jobResponse>>;

export const jobKeys = { one: (id: string) => ['jobs', id] as const };

export const fetchJob = (id: string) => api<Job>(`/api/jobs/${encodeURIComponent(id)}`);
