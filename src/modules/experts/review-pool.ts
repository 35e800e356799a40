import type { DbOrTx } from '../../db/database.js';
import type { PoolExpert } from '../../domain/recognition/expert-review.js';
import { selectIndustries } from '../reference/reference.repo.js';
import { selectConflictsWith, selectExpertsByIds, selectReviewableExperts } from './experts.repo.js';

export interface ReviewPoolExpert extends PoolExpert {
  name: string;
  organization: string;
  userId: string;
}

/**
 * The pool for a 专家评审 draw (双随机), for the recognition module: every expert with an active
 * login, with the 门类 of its field and the conflicts it declared with any of `enterpriseIds`.
 * The draw's rules (field, conflict, district) are applied by the caller (domain/recognition).
 */
export async function expertReviewPool(db: DbOrTx, enterpriseIds: string[]): Promise<ReviewPoolExpert[]> {
  const [rows, conflicts, industries] = await Promise.all([
    selectReviewableExperts(db),
    selectConflictsWith(db, [...new Set(enterpriseIds)]),
    selectIndustries(db),
  ]);
  const sectionOf = new Map(industries.map((i) => [i.code, i.level === 'division' ? i.parentCode : null]));
  const conflictsOf = new Map<string, Set<string>>();
  for (const c of conflicts) conflictsOf.set(c.expertId, (conflictsOf.get(c.expertId) ?? new Set()).add(c.enterpriseId));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    organization: r.organization,
    userId: r.userId as string,
    industryCode: r.industryCode,
    sectionCode: sectionOf.get(r.industryCode) ?? null,
    districtCodes: r.districtCodes,
    conflicts: conflictsOf.get(r.id) ?? new Set(),
  }));
}

/** The 门类 of a 大类 code (null when unknown), for the application side of the draw. */
export async function industrySectionOf(db: DbOrTx): Promise<(code: string | null) => string | null> {
  const industries = await selectIndustries(db);
  const sectionOf = new Map(industries.map((i) => [i.code, i.level === 'division' ? i.parentCode : i.code]));
  return (code) => (code ? (sectionOf.get(code) ?? null) : null);
}

/** Names and organizations of experts whose ids another module holds (the reviews of an application). */
export async function expertNamesOf(db: DbOrTx, ids: string[]): Promise<Map<string, { name: string; organization: string }>> {
  const rows = await selectExpertsByIds(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, { name: r.name, organization: r.organization }]));
}
