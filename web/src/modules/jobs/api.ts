import type { z } from 'zod';
import type { jobResponse } from '../../../../src/modules/jobs/jobs.schemas';
import { api } from '../../shared/api';
import type { Json } from '../../shared/json';

export type Job = Json<z.output<typeof jobResponse>>;

export const jobKeys = { one: (id: string) => ['jobs', id] as const };

export const fetchJob = (id: string) => api<Job>(`/api/jobs/${encodeURIComponent(id)}`);
