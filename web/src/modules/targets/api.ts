import type { z } from 'zod';
import type { SetTargetInput, splitResponse, targetProgress, targetsResponse } from '../../../../src/modules/targets/targets.schemas';
import { api } from '../../shared/api';
import type { Json } from '../../shared/json';

export type TargetsView = Json<z.output<typeof targetsResponse>>;
export type TargetItem = Json<z.output<typeof targetProgress>>;
export type SplitView = Json<z.output<typeof splitResponse>>;
export type TargetInput = Omit<SetTargetInput, 'measure'> & { measure?: string };

export const targetKeys = {
  all: ['targets'] as const,
  year: (year: number) => ['targets', year] as const,
  split: (indicator: string, year: number) => ['targets', 'split', indicator, year] as const,
};

export const fetchTargets = (year: number) => api<TargetsView>(`/api/targets?year=${year}`);
export const saveTarget = (body: TargetInput) => api<TargetItem>('/api/targets', { method: 'PUT', body });
export const fetchSplit = (indicator: string, year: number) =>
  api<SplitView>(`/api/targets/split-suggestion?indicator=${encodeURIComponent(indicator)}&year=${year}`);
