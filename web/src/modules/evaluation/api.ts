import type { z } from 'zod';
import type {
  correctionImpact,
  currentRunResponse,
  enterpriseEvaluationsResponse,
  poolPage,
  previewBody,
  previewResponse,
  publishedVersion,
  reviewQuestion,
  ruleSetList,
  ruleSetParameters,
  runResponse,
  runStarted,
} from '../../../../src/modules/evaluation/evaluation.schemas';
import { api, query } from '../../shared/api';
import type { Json } from '../../shared/json';

export type RuleSet = z.output<typeof ruleSetList>[number];
export type Run = Json<z.output<typeof runResponse>>;
export type PoolPage = Json<z.output<typeof poolPage>>;
export type PoolRow = PoolPage['items'][number];
export type EnterpriseEvaluations = Json<z.output<typeof enterpriseEvaluationsResponse>>;
export type ReviewQuestion = z.output<typeof reviewQuestion>;
export type RuleSetParameters = z.output<typeof ruleSetParameters>;
export type CorrectionImpact = z.output<typeof correctionImpact>;
export type PreviewInput = z.input<typeof previewBody>;
export type PreviewResult = z.output<typeof previewResponse>;
export type TierResult = PreviewResult['results'][number];
export type Condition = TierResult['conditions'][number];

export const evaluationKeys = {
  pool: ['pool'] as const,
  poolPage: (filter: object, page: number) => ['pool', filter, page] as const,
  run: (id: string | undefined) => ['run', id ?? 'current'] as const,
  ruleSets: ['rule-sets'] as const,
  parameters: (ruleSet: string) => ['rule-set-parameters', ruleSet] as const,
  ofEnterprise: (id: string) => ['enterprise-evaluations', id] as const,
  input: (enterpriseId: string | null | undefined) => ['evaluation-input', enterpriseId] as const,
};

export const fetchPool = (f: Record<string, string | number | undefined>) => api<PoolPage>(`/api/evaluations/pool${query(f)}`);
export const fetchRun = (id: string) => api<Run>(`/api/evaluations/runs/${id}`);
export const fetchCurrentRun = () => api<Json<z.output<typeof currentRunResponse>>>('/api/evaluations/runs/current');
export const startRun = (body: { assessmentDate?: string; enterpriseId?: string }) =>
  api<z.output<typeof runStarted>>('/api/evaluations/runs', { method: 'POST', body });
export const fetchRuleSets = () => api<RuleSet[]>('/api/evaluations/rule-sets');
export const fetchParameters = (ruleSet: string) => api<RuleSetParameters>(`/api/evaluations/rule-sets/${ruleSet}/parameters`);
export const previewImpact = (ruleSet: string, values: Record<string, number>) =>
  api<CorrectionImpact>(`/api/evaluations/rule-sets/${ruleSet}/impact`, { method: 'POST', body: { values } });
export const publishCorrection = (ruleSet: string, body: { values: Record<string, number>; note?: string }) =>
  api<z.output<typeof publishedVersion>>(`/api/evaluations/rule-sets/${ruleSet}/versions`, { method: 'POST', body });
export const fetchEnterpriseEvaluations = (id: string) => api<EnterpriseEvaluations>(`/api/evaluations/enterprise/${id}`);
/** The self-assessment form prefilled from the enterprise's record (previewBody's shape). */
export const fetchEvaluationInput = (enterpriseId: string) => api<PreviewInput>(`/api/evaluations/input/${enterpriseId}`);
export const preview = (body: unknown) => api<PreviewResult>('/api/evaluations/preview', { method: 'POST', body });
