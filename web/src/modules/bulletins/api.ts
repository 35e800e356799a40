import type { z } from 'zod';
import type { bulletinList, bulletinResult, draftResult, settingsResult } from '../../../../src/modules/bulletins/bulletins.schemas';
import { api, query } from '../../shared/api';
import type { Json } from '../../shared/json';

export type BulletinSettings = Json<z.output<typeof settingsResult>>;
export type BulletinDraft = Json<z.output<typeof draftResult>>;
export type BulletinSnapshot = Omit<BulletinDraft, 'published'>;
export type BulletinList = Json<z.output<typeof bulletinList>>;
export type BulletinListItem = BulletinList['items'][number];
export type Bulletin = Json<z.output<typeof bulletinResult>>;
export type PeriodKind = 'month' | 'quarter';

export interface SettingsInput {
  cap: number;
  indicators: { key: string; weight: number; method: string }[];
}
export interface PublishInput {
  periodKind: PeriodKind;
  period: string;
  documentNo?: string;
  title?: string;
  correctsId?: string;
}

export const bulletinKeys = {
  all: ['bulletins'] as const,
  settings: ['bulletins', 'settings'] as const,
  draft: (periodKind: PeriodKind, period: string) => ['bulletins', 'draft', periodKind, period] as const,
  list: ['bulletins', 'list'] as const,
  one: (id: string) => ['bulletins', 'one', id] as const,
};

export const fetchBulletinSettings = () => api<BulletinSettings>('/api/bulletins/settings');
export const saveBulletinSettings = (body: SettingsInput) => api<BulletinSettings>('/api/bulletins/settings', { method: 'PUT', body });
export const fetchDraft = (periodKind: PeriodKind, period: string) =>
  api<BulletinDraft>(`/api/bulletins/draft${query({ periodKind, period })}`);
export const publishBulletin = (body: PublishInput) => api<Bulletin>('/api/bulletins', { method: 'POST', body });
export const fetchBulletins = () => api<BulletinList>('/api/bulletins');
export const fetchBulletin = (id: string) => api<Bulletin>(`/api/bulletins/${id}`);
export const documentUrl = (id: string) => `/api/bulletins/${id}/document.docx`;
export const rankingXlsxUrl = (id: string) => `/api/bulletins/${id}/ranking.xlsx`;
