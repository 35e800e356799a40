// Typed calls of the recognition module (issue 10, contracts.md "API"). Until a response schema lands
// in src/modules/recognition/recognition.schemas.ts, its type is declared here after the contract it
// follows (named in each comment); switch to `Json<z.output<typeof schema>>` as the schemas land.
// W1 (enterprise pages) and W2 (officer and expert pages) both add calls here with small edits.
import type { z } from 'zod';
import type { RecognitionAction, RecognitionStatus } from '../../../../src/domain/recognition/lifecycle';
// W1's schemas (the enterprise's side).
import type {
  announceResult,
  annualDeadline,
  annualFigures,
  annualUpdateList,
  annualUpdateResult,
  applicationDetail,
  applicationForm,
  applicationListItem,
  applicationReviews,
  batchActionResult,
  checklistBody,
  closeRoundResult,
  createRoundBody,
  drawExpertsResult,
  flowsResult,
  myAnnualUpdate,
  myReview,
  myReviewList,
  objection,
  objectionList,
  publicityList,
  publicityResult,
  recommendResult,
  registrySnapshot,
  reviewBody,
  reviewResult,
  revokedTitle,
  roundDetail,
  roundList,
  ruleSetAnswer,
  saveDraftResult,
  titleStory,
} from '../../../../src/modules/recognition/recognition.schemas';
import { api, query } from '../../shared/api';
import type { Json } from '../../shared/json';

export type { RecognitionAction, RecognitionStatus };
export type Tier = 'innovative' | 'srdi' | 'little_giant';
export type RoundType = 'new' | 'review';

/** A list answer (contracts.md: every list is `{ items, total, page, pageSize }`). */
export interface ListPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

type Out<T extends z.ZodType> = Json<z.output<T>>;

// ---- Rounds (B) ----
/** A round as GET /api/recognition/rounds lists it (an enterprise's with myApplication and eligibility). */
export type Round = Out<typeof roundList>['items'][number];
export type RoundPhase = Round['phase'];
/** GET /api/recognition/rounds/:id: the round with its applications counted by status. */
export type RoundDetail = Out<typeof roundDetail>;
export type CreateRoundInput = z.input<typeof createRoundBody>;
export type PublicityList = Out<typeof publicityList>;
export type PublicityItem = PublicityList['items'][number];
export type RevokedTitle = Out<typeof revokedTitle>;

// ---- Applications (A, R) ----
/** GET /api/recognition/applications/:id (recognition.schemas.ts `applicationDetail`). */
export type ApplicationDetail = Out<typeof applicationDetail>;
/** The registry's data frozen at submission, and GET …/current now (`registrySnapshot`). */
export type RegistrySnapshot = Out<typeof registrySnapshot>;
export type ApplicationListItem = Out<typeof applicationListItem>;
export type Checklist = z.input<typeof checklistBody>;

export interface ApplicationFilters {
  roundId?: string;
  status?: string;
  tier?: string;
  scoreMin?: number;
  scoreMax?: number;
  industryCode?: string;
  districtCode?: string;
  overdue?: boolean;
  objection?: string;
  q?: string;
  page?: number;
  pageSize?: number;
  sort?: string;
}

// ---- Expert scoring, objections (C) ----
export type ApplicationReviews = Out<typeof applicationReviews>;
export type ExpertScore = ApplicationReviews['items'][number];
export type AssignedReview = Out<typeof myReviewList>['items'][number];
export type MyReview = Out<typeof myReview>;
export type ReviewInput = z.input<typeof reviewBody>;
export type Objection = Out<typeof objection>;
export type DrawResult = Out<typeof drawExpertsResult>;

// ---- Annual update, 有进有出 (D) ----
export type AnnualUpdateList = Out<typeof annualUpdateList>;
export type AnnualUpdateRow = AnnualUpdateList['items'][number];
export type AnnualDeadline = Out<typeof annualDeadline>;
export type FlowsAnswer = Out<typeof flowsResult>;

export const recognitionKeys = {
  all: ['recognition'] as const,
  rounds: (f: object) => ['recognition', 'rounds', f] as const,
  round: (id: string) => ['recognition', 'round', id] as const,
  ruleSet: (f: object) => ['recognition', 'rule-set', f] as const,
  publicity: (roundId: string) => ['recognition', 'publicity', roundId] as const,
  applications: (f: object) => ['recognition', 'applications', f] as const,
  application: (id: string) => ['recognition', 'application', id] as const,
  current: (id: string) => ['recognition', 'application', id, 'current'] as const,
  expertScores: (id: string) => ['recognition', 'application', id, 'reviews'] as const,
  objections: (id: string) => ['recognition', 'application', id, 'objections'] as const,
  myReviews: ['recognition', 'my-reviews'] as const,
  annualUpdates: (f: object) => ['recognition', 'annual-updates', f] as const,
  flows: (f: object) => ['recognition', 'flows', f] as const,
};

// Rounds
export const fetchRounds = (f: { year?: number; tier?: string; type?: string; page?: number; pageSize?: number } = {}) =>
  api<Out<typeof roundList>>(`/api/recognition/rounds${query(f)}`);
export const fetchRound = (id: string) => api<RoundDetail>(`/api/recognition/rounds/${id}`);
export const fetchRuleSet = (f: { tier: string; type: string; date: string }) =>
  api<Out<typeof ruleSetAnswer>>(`/api/recognition/rule-set${query(f)}`);
export const createRound = (body: CreateRoundInput) => api<Round>('/api/recognition/rounds', { method: 'POST', body });
export const startPublicity = (id: string, body: { startsOn: string; applicationIds: string[] }) =>
  api<Out<typeof publicityResult>>(`/api/recognition/rounds/${id}/publicity`, { method: 'POST', body });
export const fetchPublicityList = (id: string) => api<PublicityList>(`/api/recognition/rounds/${id}/publicity-list`);
export const publicityXlsxUrl = (id: string) => `/api/recognition/rounds/${id}/publicity-list.xlsx`;
export const announceRound = (id: string, body: { announcedOn: string; documentNo: string }) =>
  api<Out<typeof announceResult>>(`/api/recognition/rounds/${id}/announce`, { method: 'POST', body });
export const recommendRound = (id: string, body: { recommendedOn: string }) =>
  api<Out<typeof recommendResult>>(`/api/recognition/rounds/${id}/recommend`, { method: 'POST', body });
export const recommendedXlsxUrl = (id: string) => `/api/recognition/rounds/${id}/recommended.xlsx`;
export const closeRound = (id: string, body: { closedOn: string }) =>
  api<Out<typeof closeRoundResult>>(`/api/recognition/rounds/${id}/close`, { method: 'POST', body });
export const drawExperts = (id: string, body: { perApplication?: number } = {}) =>
  api<DrawResult>(`/api/recognition/rounds/${id}/experts/draw`, { method: 'POST', body });

// Applications
export const fetchApplications = (f: ApplicationFilters) =>
  api<ListPage<ApplicationListItem>>(`/api/recognition/applications${query({ ...f, overdue: f.overdue ? 'true' : undefined })}`);
export const fetchApplication = (id: string) => api<ApplicationDetail>(`/api/recognition/applications/${id}`);
export const fetchCurrentRegistry = (id: string) => api<RegistrySnapshot>(`/api/recognition/applications/${id}/current`);
export const actOnApplication = (id: string, body: { action: RecognitionAction; reason?: string; reasonCode?: string; pledge?: boolean }) =>
  api<ApplicationDetail>(`/api/recognition/applications/${id}/actions`, { method: 'POST', body });
export const batchAct = (body: { action: 'district_approve' | 'city_approve'; ids: string[] }) =>
  api<Out<typeof batchActionResult>>('/api/recognition/applications/batch-actions', { method: 'POST', body });
export const saveChecklist = (id: string, body: Checklist) =>
  api<ApplicationDetail>(`/api/recognition/applications/${id}/checklist`, { method: 'PUT', body });
export const fetchExpertScores = (id: string) => api<ApplicationReviews>(`/api/recognition/applications/${id}/reviews`);
export const fetchObjections = (id: string) => api<Out<typeof objectionList>>(`/api/recognition/applications/${id}/objections`);
export const recordObjection = (
  id: string,
  body: { channel: string; objectorName: string; objectorContact: string; facts: string; receivedOn: string; fileIds?: string[] },
) => api<Objection>(`/api/recognition/applications/${id}/objections`, { method: 'POST', body });
export const findObjection = (objectionId: string, body: { finding: 'upheld' | 'dismissed'; reason: string }) =>
  api<Objection>(`/api/recognition/objections/${objectionId}/finding`, { method: 'POST', body });

// Expert scoring
export const fetchMyReview = (id: string) => api<MyReview>(`/api/recognition/applications/${id}/review`);
export const fetchMyReviews = () => api<Out<typeof myReviewList>>('/api/recognition/reviews?pageSize=200');
export const saveReview = (id: string, body: ReviewInput) =>
  api<Out<typeof reviewResult>>(`/api/recognition/applications/${id}/review`, {
    method: 'PUT',
    body,
  });

// Titles
export const revokeTitle = (
  enterpriseId: string,
  titleId: string,
  body: { category: string; reason: string; revokedOn: string; fileIds?: string[] },
) => api<RevokedTitle>(`/api/enterprises/${enterpriseId}/titles/${titleId}/revoke`, { method: 'POST', body });

// Annual update (officers) and 有进有出
export const fetchAnnualUpdates = (f: {
  dataYear: number;
  districtCode?: string;
  status?: 'missing' | 'done';
  page?: number;
  pageSize?: number;
}) => api<AnnualUpdateList>(`/api/recognition/annual-updates${query(f)}`);
export const fetchAnnualUpdateDeadline = (dataYear: number) => api<AnnualDeadline>(`/api/recognition/annual-update-deadlines/${dataYear}`);
export const setAnnualUpdateDeadline = (dataYear: number, body: { dueOn: string }) =>
  api<AnnualDeadline>(`/api/recognition/annual-update-deadlines/${dataYear}`, { method: 'PUT', body });
export const fetchFlows = (f: { year: number; districtCode?: string }) => api<FlowsAnswer>(`/api/recognition/flows${query(f)}`);
export const flowsXlsxUrl = (f: { year: number; districtCode?: string }) => `/api/recognition/flows.xlsx${query(f)}`;

// ---- W1: the enterprise's side (form and autosave, annual update, title story) ----

/** PUT …/draft answers this: the new formVersion, when, and the live self-evaluation (TierResult). */
export type DraftSaved = Json<z.output<typeof saveDraftResult>>;
/** A tier's evaluation (src/domain/evaluation/types.ts TierResult) as the API sends it. */
export type EvaluationResult = DraftSaved['evaluation'];
/** The 申报书 as the API keeps it (whole yuan, dates YYYY-MM-DD). */
export type ApplicationFormData = z.input<typeof applicationForm>;
/** GET /api/recognition/annual-updates/me. */
export type AnnualUpdateMe = Json<z.output<typeof myAnnualUpdate>>;
/** One year's figures of the annual update (whole yuan, head counts). */
export type AnnualFigures = z.input<typeof annualFigures>;
/** GET /api/recognition/enterprises/:id/story. */
export type TitleStory = Json<z.output<typeof titleStory>>;

export const enterpriseRecognitionKeys = {
  annualUpdate: ['recognition', 'annual-update', 'me'] as const,
  story: (enterpriseId: string) => ['recognition', 'story', enterpriseId] as const,
};

export const createApplication = (roundId: string) =>
  api<ApplicationDetail>('/api/recognition/applications', { method: 'POST', body: { roundId } });
export const saveDraft = (id: string, body: { form: ApplicationFormData; formVersion: number }) =>
  api<DraftSaved>(`/api/recognition/applications/${id}/draft`, { method: 'PUT', body });
export const applicationPdfUrl = (id: string) => `/api/recognition/applications/${id}/pdf`;
export const fetchMyAnnualUpdate = () => api<AnnualUpdateMe>('/api/recognition/annual-updates/me');
export const saveMyAnnualUpdate = (dataYear: number, figures: AnnualFigures) =>
  api<Json<z.output<typeof annualUpdateResult>>>(`/api/recognition/annual-updates/me/${dataYear}`, { method: 'PUT', body: { figures } });
export const fetchTitleStory = (enterpriseId: string) => api<TitleStory>(`/api/recognition/enterprises/${enterpriseId}/story`);
