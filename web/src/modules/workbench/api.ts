import type { z } from 'zod';
import type { workbenchResponse } from '../../../../src/modules/workbench/workbench.schemas';
import { api } from '../../shared/api';
import type { Json } from '../../shared/json';

export type Workbench = Json<z.output<typeof workbenchResponse>>;
export type WorkbenchItem = Workbench['items'][number];

export const workbenchKeys = { all: ['workbench'] as const };

export const fetchWorkbench = () => api<Workbench>('/api/workbench');
