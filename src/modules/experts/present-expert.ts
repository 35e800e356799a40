// How the pool's records read for people: codes beside their Chinese names. Shared by the use cases.
import type { AppContext } from '../../server/context.js';
import { enterpriseNames } from '../enterprises/enterprise-names.js';
import { referenceNames } from '../reference/reference-names.js';
import type { AssignmentRow, ConflictRow, selectExpert, selectExpertPage } from './experts.repo.js';
import { ASSIGNMENT_KIND_LABELS, type AssignmentItem, type ExpertDetail, type ExpertListItem } from './experts.schemas.js';

type Names = Awaited<ReturnType<typeof referenceNames>>;
type ExpertView = NonNullable<Awaited<ReturnType<typeof selectExpert>>>;
type PageRow = Awaited<ReturnType<typeof selectExpertPage>>['items'][number];

const districtsOf = (names: Names, codes: string[]) => codes.map((code) => ({ code, name: names.district(code) ?? '未知区县' }));

function base(names: Names, e: ExpertView) {
  return {
    id: e.id,
    name: e.name,
    industryCode: e.industryCode,
    industryName: names.industry(e.industryCode) ?? '未知行业',
    organization: e.organization,
    districts: districtsOf(names, e.districtCodes),
    contactPhone: e.contactPhone,
    username: e.username ?? null,
    accountDisabled: e.accountDisabled ?? null,
    version: e.version,
  };
}

export async function presentExpertPage(ctx: AppContext, rows: PageRow[]): Promise<ExpertListItem[]> {
  const names = await referenceNames(ctx);
  return rows.map((r) => ({
    ...base(names, r),
    enterpriseAssignments: r.enterpriseAssignments,
    districtAssignments: districtsOf(names, r.districtAssignments),
    conflicts: r.conflicts,
  }));
}

export async function presentAssignments(ctx: AppContext, rows: AssignmentRow[], names?: Names): Promise<AssignmentItem[]> {
  const ref = names ?? (await referenceNames(ctx));
  const enterprises = await enterpriseNames(
    ctx,
    rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: ASSIGNMENT_KIND_LABELS[r.kind],
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseId ? (enterprises.get(r.enterpriseId) ?? '（企业已删除）') : null,
    districtCode: r.districtCode,
    districtName: r.districtCode ? (ref.district(r.districtCode) ?? '未知区县') : null,
    createdAt: r.createdAt,
  }));
}

export async function presentConflicts(ctx: AppContext, rows: ConflictRow[]) {
  const enterprises = await enterpriseNames(
    ctx,
    rows.map((r) => r.enterpriseId),
  );
  return rows.map((r) => ({
    enterpriseId: r.enterpriseId,
    enterpriseName: enterprises.get(r.enterpriseId) ?? '（企业已删除）',
    reason: r.reason,
    createdAt: r.createdAt,
  }));
}

export async function presentExpert(
  ctx: AppContext,
  e: ExpertView,
  conflicts: ConflictRow[],
  assignments: AssignmentRow[],
): Promise<ExpertDetail> {
  const names = await referenceNames(ctx);
  return {
    ...base(names, e),
    conflicts: await presentConflicts(ctx, conflicts),
    assignments: await presentAssignments(ctx, assignments, names),
  };
}
