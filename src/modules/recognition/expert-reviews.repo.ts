// 专家评审 (双随机): the experts drawn for applications and what they answered and scored. The only
// file with SQL on recognition_expert_reviews; experts' own data is read through the experts module.
import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { recognitionApplications, recognitionExpertReviews, recognitionRounds } from '../../db/schema/index.js';
import { expertIdsOfUser } from '../experts/experts.repo.js';

export type ExpertReviewRow = typeof recognitionExpertReviews.$inferSelect;

/** Whether the expert logged in as `userId` was drawn to review the application (loadApplication's expert scope). */
export async function isAssignedExpert(db: DbOrTx, userId: string, applicationId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(recognitionExpertReviews)
    .where(
      and(
        eq(recognitionExpertReviews.applicationId, applicationId),
        sql`${recognitionExpertReviews.expertId} in (${expertIdsOfUser(userId)})`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The applications an expert user was drawn for, as a subquery of application ids (list scopes). */
export function applicationIdsAssignedTo(userId: string): SQL {
  return sql`select r.application_id from recognition_expert_reviews r where r.expert_id in (${expertIdsOfUser(userId)})`;
}

// ---- the draw ----

/**
 * The items of a round waiting for experts (初审通过), locked for the draw's transaction: a second
 * draw at the same time waits and then finds them moved on.
 */
export function selectItemsToDraw(tx: DbOrTx, roundId: string) {
  const a = recognitionApplications;
  return tx
    .select({
      id: a.id,
      status: a.status,
      enterpriseId: a.enterpriseId,
      districtCode: a.districtCode,
      zoneCode: a.zoneCode,
      industryCode: sql<string | null>`coalesce(${a.industryCode}, ${a.frozen}->'registry'->>'industryCode')`,
    })
    .from(a)
    .where(and(eq(a.roundId, roundId), eq(a.status, 'district_approved')))
    .orderBy(asc(a.submittedAt), asc(a.id))
    .for('update');
}

/**
 * The reviews of a round's items in 专家评审, locked with their items for the draw's transaction:
 * the draw replaces an unsubmitted one whose expert may no longer review the item (a conflict of
 * interest declared after the draw, a district now served, a login disabled).
 */
export async function selectReviewsInProgress(tx: DbOrTx, roundId: string) {
  const a = recognitionApplications;
  const r = recognitionExpertReviews;
  return tx
    .select({
      applicationId: a.id,
      status: a.status,
      enterpriseId: a.enterpriseId,
      districtCode: a.districtCode,
      zoneCode: a.zoneCode,
      industryCode: sql<string | null>`coalesce(${a.industryCode}, ${a.frozen}->'registry'->>'industryCode')`,
      expertId: r.expertId,
      submittedAt: r.submittedAt,
    })
    .from(r)
    .innerJoin(a, eq(a.id, r.applicationId))
    .where(and(eq(a.roundId, roundId), eq(a.status, 'expert_review')))
    .orderBy(asc(a.submittedAt), asc(a.id), asc(r.expertId))
    .for('update');
}

/** Removes unsubmitted reviews (an expert replaced); a submitted review is never removed. */
export async function deleteUnsubmittedReviews(tx: DbOrTx, applicationId: string, expertIds: string[]): Promise<number> {
  if (!expertIds.length) return 0;
  const rows = await tx
    .delete(recognitionExpertReviews)
    .where(
      and(
        eq(recognitionExpertReviews.applicationId, applicationId),
        isNull(recognitionExpertReviews.submittedAt),
        sql`${recognitionExpertReviews.expertId} = any(${sql.param(expertIds)}::uuid[])`,
      ),
    )
    .returning({ expertId: recognitionExpertReviews.expertId });
  return rows.length;
}

export async function insertExpertReviews(tx: DbOrTx, rows: { applicationId: string; expertId: string }[]): Promise<void> {
  if (rows.length) await tx.insert(recognitionExpertReviews).values(rows);
}

// ---- the expert's list and review ----

/** The applications drawn for an expert user, newest draw first, with the round's name. */
export async function selectReviewsOfUser(
  db: DbOrTx,
  userId: string,
  page: { status?: 'pending' | 'submitted'; limit: number; offset: number },
) {
  const r = recognitionExpertReviews;
  const a = recognitionApplications;
  const where = and(
    sql`${r.expertId} in (${expertIdsOfUser(userId)})`,
    page.status === 'pending' ? isNull(r.submittedAt) : page.status === 'submitted' ? isNotNull(r.submittedAt) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        applicationId: r.applicationId,
        enterpriseId: a.enterpriseId,
        tier: a.tier,
        applicationStatus: a.status,
        roundName: recognitionRounds.name,
        submittedAt: a.submittedAt,
        reviewSubmittedAt: r.submittedAt,
        assignedAt: r.assignedAt,
      })
      .from(r)
      .innerJoin(a, eq(a.id, r.applicationId))
      .innerJoin(recognitionRounds, eq(recognitionRounds.id, a.roundId))
      .where(where)
      .orderBy(desc(r.assignedAt), asc(r.applicationId))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(r).where(where),
  ]);
  return { items, total };
}

/** The review row of the expert user for the application. */
export async function selectReviewOfUser(db: DbOrTx, applicationId: string, userId: string): Promise<ExpertReviewRow | undefined> {
  const [row] = await db
    .select()
    .from(recognitionExpertReviews)
    .where(
      and(
        eq(recognitionExpertReviews.applicationId, applicationId),
        sql`${recognitionExpertReviews.expertId} in (${expertIdsOfUser(userId)})`,
      ),
    );
  return row;
}

/** The review row of the expert user for the application, locked (the save's transaction). */
export async function selectReviewOfUserForUpdate(tx: DbOrTx, applicationId: string, userId: string): Promise<ExpertReviewRow | undefined> {
  const [row] = await tx
    .select()
    .from(recognitionExpertReviews)
    .where(
      and(
        eq(recognitionExpertReviews.applicationId, applicationId),
        sql`${recognitionExpertReviews.expertId} in (${expertIdsOfUser(userId)})`,
      ),
    )
    .for('update');
  return row;
}

export async function updateExpertReview(
  tx: DbOrTx,
  key: { applicationId: string; expertId: string },
  values: Partial<Pick<ExpertReviewRow, 'answers' | 'featuredScore' | 'score' | 'opinion' | 'submittedAt'>>,
): Promise<ExpertReviewRow> {
  const [row] = await tx
    .update(recognitionExpertReviews)
    .set(values)
    .where(and(eq(recognitionExpertReviews.applicationId, key.applicationId), eq(recognitionExpertReviews.expertId, key.expertId)))
    .returning();
  return row;
}

/** Every review of an application, in the order the experts were drawn. */
export function selectReviewsOf(db: DbOrTx, applicationId: string): Promise<ExpertReviewRow[]> {
  return db
    .select()
    .from(recognitionExpertReviews)
    .where(eq(recognitionExpertReviews.applicationId, applicationId))
    .orderBy(asc(recognitionExpertReviews.assignedAt), asc(recognitionExpertReviews.expertId));
}

/** Marks which reviews of the application differ too far from the others (all of them set at once). */
export async function updateReviewFlags(tx: DbOrTx, applicationId: string, flaggedExpertIds: string[]): Promise<void> {
  await tx
    .update(recognitionExpertReviews)
    .set({ flagged: sql`${recognitionExpertReviews.expertId} = any(${sql.param(flaggedExpertIds)}::uuid[])` })
    .where(eq(recognitionExpertReviews.applicationId, applicationId));
}
