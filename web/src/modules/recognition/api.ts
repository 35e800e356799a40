// Typed calls of the recognition module (issue 10, contracts.md "API"). Until a response schema lands
// in src/modules/recognition/recognition.schemas.ts, its type is declared here after the contract it
// follows (named in each comment); switch to `Json<z.output<typeof schema>>` as the schemas land.
// W1 (enterprise pages) and W2 (officer and expert pages) both add calls here with small edits.
import type { RecognitionAction, RecognitionStatus } from '../../../../src/domain/recognition/lifecycle';
import { api, query } from '../../shared/api';

export type { RecognitionAction, RecognitionStatus };
export type Tier = 'innovative' | 'srdi' | 'little_giant';
export type RoundType = 'new' | 'review';
export type RoundPhase = 'scheduled' | 'open' | 'reviewing' | 'publicity' | 'announced' | 'recommended' | 'closed';

/** A list answer (contracts.md: every list is `{ items, total, page, pageSize }`). */
export interface ListPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

// ---- Rounds (contract "Rounds (B)") ----

/** contracts.md `Round`. */
export interface Round {
  id: string;
  tier: Tier;
  tierLabel: string;
  type: RoundType;
  typeLabel: string;
  year: number;
  name: string;
  opensOn: string;
  closesOn: string;
  continuous: boolean;
  cutoffDates: string[];
  districtReviewDays: number;
  districtReviewDueOn: string | null;
  expertReview: boolean;
  expertsPerApplication: number;
  scoreMethod: string;
  scoreMargin: number;
  publicityDays: number;
  ruleSet: string;
  ruleSetName: string;
  ruleSetOverrideReason: string | null;
  phase: RoundPhase;
  phaseLabel: string;
  publicityStartsOn: string | null;
  publicityEndsOn: string | null;
  announcedOn: string | null;
  documentNo: string | null;
  recommendedOn: string | null;
  closedOn: string | null;
  createdAt: string;
  /** Enterprise view only. */
  myApplication?: { id: string; status: RecognitionStatus } | null;
  /** Enterprise view only. */
  eligibility?: { eligible: boolean; reasons: string[] };
}

/** contracts.md `GET /api/recognition/rounds/:id`. */
export type RoundDetail = Round & { counts: Partial<Record<RecognitionStatus, number>> };

/** contracts.md `POST /api/recognition/rounds` body. */
export interface CreateRoundInput {
  tier: Tier;
  type: RoundType;
  year: number;
  opensOn: string;
  closesOn: string;
  expertReview: boolean;
  publicityDays?: number;
  continuous?: boolean;
  cutoffDates?: string[];
  districtReviewDays?: number;
  expertsPerApplication?: number;
  scoreMethod?: string;
  scoreMargin?: number;
  ruleSet?: string;
  ruleSetOverrideReason?: string;
  name?: string;
}

/** contracts.md `GET /api/recognition/publicity-list`. */
export interface PublicityItem {
  applicationId: string;
  enterpriseName: string;
  districtName: string;
  uscc: string;
  status: RecognitionStatus;
  objection: 'none' | 'open' | 'upheld' | 'dismissed';
}

// ---- Applications (contracts "Applications — enterprise side (A)" and "review side (R)") ----

/** contracts.md `ApplicationListItem`. */
export interface ApplicationListItem {
  id: string;
  roundId: string;
  roundName: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  districtCode: string;
  districtName: string;
  industryCode: string | null;
  industryName: string | null;
  tier: Tier;
  tierLabel: string;
  status: RecognitionStatus;
  statusLabel: string;
  score: number | null;
  outcome: string | null;
  expertScore: number | null;
  expertScoreFlagged: boolean;
  submittedAt: string | null;
  districtDueOn: string | null;
  overdue: boolean;
  returnReasonLabel: string | null;
  returnReason: string | null;
  objection: 'none' | 'open' | 'upheld' | 'dismissed' | null;
}

export interface ApplicationFilters {
  roundId?: string;
  status?: string;
  tier?: string;
  scoreMin?: number;
  scoreMax?: number;
  industryCode?: string;
  districtCode?: string;
  overdue?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
  sort?: string;
}

export interface HistoryEntry {
  action: string;
  actionLabel: string;
  at: string;
  fromStatus: RecognitionStatus | null;
  toStatus: RecognitionStatus | null;
  reasonCode: string | null;
  reason: string | null;
  actorName: string | null;
}

export interface Checklist {
  creditChina: boolean;
  abnormalOperation: boolean;
  seriousDishonesty: boolean;
  onsiteCheck: boolean;
  note?: string | null;
}

/** contracts.md `ApplicationDetail` (GET /api/recognition/applications/:id). `form`/`frozen` stay loose here. */
export interface ApplicationDetail {
  id: string;
  status: RecognitionStatus;
  statusLabel: string;
  roundId: string;
  round: { name: string; tier: Tier; type: RoundType; closesOn: string };
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  districtCode: string;
  districtName: string;
  tier: Tier;
  evaluation: ({ outcome: string; score: number | null; ruleSet: string } & Record<string, unknown>) | null;
  form: Record<string, unknown> | null;
  formVersion: number;
  formSavedAt: string | null;
  frozen: ({ registry?: Record<string, unknown> } & Record<string, unknown>) | null;
  submittedAt: string | null;
  districtDueOn: string | null;
  overdue: boolean;
  checklist: Checklist | null;
  returnReasonCode: string | null;
  returnReasonLabel: string | null;
  returnReason: string | null;
  expertScore: number | null;
  expertScoreFlagged: boolean;
  titleId: string | null;
  files: { id: string; name: string; size: number; type: string; indicatorId: string | null }[];
  history: HistoryEntry[];
  allowedActions: RecognitionAction[];
}

/** contracts.md `GET /api/recognition/applications/:id/reviews` item. */
export interface ExpertScore {
  expertName: string;
  organization: string | null;
  score: number | null;
  featuredScore: number | null;
  opinion: string | null;
  answers: Record<string, boolean>;
  submittedAt: string | null;
  flagged: boolean;
}

/** contracts.md objections (C). */
export interface Objection {
  id: string;
  channel: string;
  channelLabel?: string;
  objectorName: string;
  objectorContact: string;
  facts: string;
  receivedOn: string;
  status: string;
  statusLabel?: string;
  finding?: string | null;
  findingReason?: string | null;
  files?: { id: string; name: string; size: number }[];
}

/** contracts.md `GET /api/recognition/reviews` item (expert). */
export interface AssignedReview {
  applicationId: string;
  enterpriseName: string;
  tier: Tier;
  roundName: string;
  submittedAt: string | null;
  status: 'pending' | 'submitted';
}

export interface ReviewInput {
  answers: Record<string, boolean>;
  featuredScore?: number;
  score: number;
  opinion: string;
  submit: boolean;
}

// ---- Annual update, 有进有出 (contract "D") ----

/** contracts.md `GET /api/recognition/annual-updates` item (officers). */
export interface AnnualUpdateRow {
  enterpriseId: string;
  enterpriseName: string;
  districtName: string;
  tier?: Tier;
  tierLabel?: string;
  dueOn?: string;
  updated: boolean;
  updatedAt?: string | null;
  onTime?: boolean | null;
}

/** contracts.md `GET /api/recognition/flows`. */
export interface FlowsAnswer {
  year: number;
  rows: {
    districtCode: string;
    districtName: string;
    tier: Tier;
    entered: number;
    left: number;
    revoked: number;
    expired: number;
    heldAtYearEnd: number;
  }[];
}

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
export const fetchRounds = (f: { year?: number; tier?: string; type?: string } = {}) =>
  api<ListPage<Round>>(`/api/recognition/rounds${query(f)}`);
export const fetchRound = (id: string) => api<RoundDetail>(`/api/recognition/rounds/${id}`);
export const fetchRuleSet = (f: { tier: string; type: string; date: string }) =>
  api<{ ruleSet: string; ruleSetName: string }>(`/api/recognition/rule-set${query(f)}`);
export const createRound = (body: CreateRoundInput) => api<Round>('/api/recognition/rounds', { method: 'POST', body });
export const startPublicity = (id: string, body: { startsOn: string; applicationIds: string[] }) =>
  api<{ endsOn: string; unmaintainedYears: number[] }>(`/api/recognition/rounds/${id}/publicity`, { method: 'POST', body });
export const fetchPublicityList = (id: string) => api<{ items: PublicityItem[] }>(`/api/recognition/rounds/${id}/publicity-list`);
export const publicityXlsxUrl = (id: string) => `/api/recognition/rounds/${id}/publicity-list.xlsx`;
export const announceRound = (id: string, body: { announcedOn: string; documentNo: string }) =>
  api<{ recognised: number; notRecognised: number }>(`/api/recognition/rounds/${id}/announce`, { method: 'POST', body });
export const recommendRound = (id: string, body: { recommendedOn: string }) =>
  api<unknown>(`/api/recognition/rounds/${id}/recommend`, { method: 'POST', body });
export const recommendedXlsxUrl = (id: string) => `/api/recognition/rounds/${id}/recommended.xlsx`;
export const closeRound = (id: string, body: { closedOn: string }) =>
  api<unknown>(`/api/recognition/rounds/${id}/close`, { method: 'POST', body });
export const drawExperts = (id: string, body: { perApplication?: number } = {}) =>
  api<{ assigned: number; shortfall: { applicationId: string; enterpriseName: string; found: number; wanted: number }[] }>(
    `/api/recognition/rounds/${id}/experts/draw`,
    { method: 'POST', body },
  );

// Applications
export const fetchApplications = (f: ApplicationFilters) =>
  api<ListPage<ApplicationListItem>>(`/api/recognition/applications${query({ ...f, overdue: f.overdue ? 'true' : undefined })}`);
export const fetchApplication = (id: string) => api<ApplicationDetail>(`/api/recognition/applications/${id}`);
export const fetchCurrentRegistry = (id: string) => api<Record<string, unknown>>(`/api/recognition/applications/${id}/current`);
export const actOnApplication = (id: string, body: { action: RecognitionAction; reason?: string; reasonCode?: string; pledge?: boolean }) =>
  api<ApplicationDetail>(`/api/recognition/applications/${id}/actions`, { method: 'POST', body });
export const batchAct = (body: { action: 'district_approve' | 'city_approve'; ids: string[] }) =>
  api<{ done: number }>('/api/recognition/applications/batch-actions', { method: 'POST', body });
export const saveChecklist = (id: string, body: Checklist) =>
  api<ApplicationDetail>(`/api/recognition/applications/${id}/checklist`, { method: 'PUT', body });
export const fetchExpertScores = (id: string) => api<{ items: ExpertScore[] }>(`/api/recognition/applications/${id}/reviews`);
export const fetchObjections = (id: string) => api<{ items: Objection[] }>(`/api/recognition/applications/${id}/objections`);
export const recordObjection = (
  id: string,
  body: { channel: string; objectorName: string; objectorContact: string; facts: string; receivedOn: string; fileIds?: string[] },
) => api<Objection>(`/api/recognition/applications/${id}/objections`, { method: 'POST', body });
export const findObjection = (objectionId: string, body: { finding: 'upheld' | 'dismissed'; reason: string }) =>
  api<Objection>(`/api/recognition/objections/${objectionId}/finding`, { method: 'POST', body });

// Expert scoring
export const fetchMyReviews = () => api<{ items: AssignedReview[] }>('/api/recognition/reviews');
export const saveReview = (id: string, body: ReviewInput) =>
  api<{ submitted: boolean; expertScore: number | null; expertScoreFlagged: boolean }>(`/api/recognition/applications/${id}/review`, {
    method: 'PUT',
    body,
  });

// Titles
export const revokeTitle = (
  enterpriseId: string,
  titleId: string,
  body: { category: string; reason: string; revokedOn: string; fileIds?: string[] },
) => api<unknown>(`/api/enterprises/${enterpriseId}/titles/${titleId}/revoke`, { method: 'POST', body });

// Annual update (officers) and 有进有出
export const fetchAnnualUpdates = (f: {
  dataYear: number;
  districtCode?: string;
  status?: 'missing' | 'done';
  page?: number;
  pageSize?: number;
}) => api<ListPage<AnnualUpdateRow>>(`/api/recognition/annual-updates${query(f)}`);
export const setAnnualUpdateDeadline = (dataYear: number, body: { dueOn: string }) =>
  api<unknown>(`/api/recognition/annual-update-deadlines/${dataYear}`, { method: 'PUT', body });
export const fetchFlows = (f: { year: number; districtCode?: string }) => api<FlowsAnswer>(`/api/recognition/flows${query(f)}`);
export const flowsXlsxUrl = (f: { year: number; districtCode?: string }) => `/api/recognition/flows.xlsx${query(f)}`;

// ---- W1: the enterprise's side (form and autosave, annual update, title story) ----

/** PUT …/draft answers this (contract "Applications — enterprise side (A)"); `evaluation` is a TierResult. */
export interface DraftSaved {
  formVersion: number;
  formSavedAt: string;
  evaluation: EvaluationResult;
}

/** A tier's evaluation (src/domain/evaluation/types.ts TierResult) as the API sends it. */
export interface EvaluationResult {
  tier: string;
  ruleSet: string;
  outcome: 'qualified' | 'not_qualified' | 'needs_review';
  score: number | null;
  categories: { id: string; name: string; score: number; max: number; minimum?: number }[];
  indicators: {
    id: string;
    name: string;
    category: string;
    value: number | string | null;
    band: string;
    points: number;
    max: number;
    source: string;
  }[];
  conditions: { id: string; name: string; status: 'met' | 'not_met' | 'needs_review'; detail: string; source: string; question?: string }[];
  missing: { id: string; message: string }[];
  paths?: { name: string; score: number | null; met: boolean }[];
}

/** contracts.md "Annual update (D)": one year's figures, amounts in whole yuan. */
export type AnnualFigures = { year: number } & Record<string, number | null>;

/** contracts.md `GET /api/recognition/annual-updates/me`. */
export interface AnnualUpdateMe {
  due: { dataYear: number; dueOn: string; status: 'done' | 'pending' | 'late' | 'not_required' } | null;
  figures: AnnualFigures | null;
  history: ({ dataYear: number } & Record<string, unknown>)[];
}

/** contracts.md `GET /api/recognition/enterprises/:id/story`. */
export interface TitleStory {
  titles: {
    id: string;
    tier: Tier;
    tierLabel: string;
    status: string;
    statusLabel: string;
    recognisedOn: string;
    validUntil: string | null;
    documentNo: string | null;
    certificateNo: string | null;
    revokedOn: string | null;
    revocationCategoryLabel: string | null;
    revocationReason: string | null;
    events: { on: string; kind: string; label: string; detail: string | null }[];
  }[];
  applications: { id: string; roundName: string; status: RecognitionStatus; statusLabel: string; history: HistoryEntry[] }[];
}

export const enterpriseRecognitionKeys = {
  annualUpdate: ['recognition', 'annual-update', 'me'] as const,
  story: (enterpriseId: string) => ['recognition', 'story', enterpriseId] as const,
};

export const createApplication = (roundId: string) =>
  api<ApplicationDetail>('/api/recognition/applications', { method: 'POST', body: { roundId } });
export const saveDraft = (id: string, body: { form: Record<string, unknown>; formVersion: number }) =>
  api<DraftSaved>(`/api/recognition/applications/${id}/draft`, { method: 'PUT', body });
export const applicationPdfUrl = (id: string) => `/api/recognition/applications/${id}/pdf`;
export const fetchMyAnnualUpdate = () => api<AnnualUpdateMe>('/api/recognition/annual-updates/me');
export const saveMyAnnualUpdate = (dataYear: number, figures: AnnualFigures) =>
  api<unknown>(`/api/recognition/annual-updates/me/${dataYear}`, { method: 'PUT', body: { figures } });
export const fetchTitleStory = (enterpriseId: string) => api<TitleStory>(`/api/recognition/enterprises/${enterpriseId}/story`);
