import { and, asc, count, desc, eq, getTableColumns, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { escapeLike } from '../../db/like.js';
import { expertAssignments, expertConflicts, experts, expertVisits, users } from '../../db/schema/index.js';
import type { Actor } from '../../server/access.js';
import { scopeOf } from '../../server/access.js';
import { enterpriseIdsInScope, enterpriseIdsOfDistricts } from '../enterprises/enterprises.repo.js';

export type ExpertRow = typeof experts.$inferSelect;
export type ExpertInsert = typeof experts.$inferInsert;
export type AssignmentRow = typeof expertAssignments.$inferSelect;
export type ConflictRow = typeof expertConflicts.$inferSelect;
export type VisitRow = typeof expertVisits.$inferSelect;

/** The tiers a district assignment covers: 专精特新中小企业 (小巨人 are served point-to-point). */
export const DISTRICT_ASSIGNMENT_TIERS = ['srdi'] as const;

/**
 * The assigned scope of an expert user, as a subquery of enterprise ids: the enterprises assigned
 * point-to-point, plus the 专精特新 enterprises of the districts assigned, minus every enterprise the
 * expert declared a conflict of interest with (a conflict declared after an assignment wins).
 */
export function expertReachableEnterpriseIds(userId: string): SQL {
  const mine = sql`select x.id from experts x where x.user_id = ${userId}`;
  const districtCodes = sql`select a.district_code from expert_assignments a where a.kind = 'district' and a.expert_id in (${mine})`;
  return sql`select a.enterprise_id from expert_assignments a where a.kind = 'enterprise' and a.expert_id in (${mine})
    union (${enterpriseIdsOfDistricts(districtCodes, DISTRICT_ASSIGNMENT_TIERS)})
    except select c.enterprise_id from expert_conflicts c where c.expert_id in (${mine})`;
}

/** The expert record(s) of an expert user, as a subquery of expert ids (other modules' expert scopes). */
export function expertIdsOfUser(userId: string): SQL {
  return sql`select x.id from experts x where x.user_id = ${userId}`;
}

// ---- the pool ----

export interface ExpertFilter {
  q?: string;
  industry?: string;
  district?: string;
  page: number;
  pageSize: number;
}

const expertColumns = { ...getTableColumns(experts), username: users.username, accountDisabled: users.disabled };

export async function selectExpertPage(db: DbOrTx, filter: ExpertFilter) {
  const conditions: (SQL | undefined)[] = [];
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    conditions.push(or(ilike(experts.name, like), ilike(experts.organization, like)));
  }
  if (filter.industry) conditions.push(eq(experts.industryCode, filter.industry));
  if (filter.district) conditions.push(sql`${filter.district} = any(${experts.districtCodes})`);
  const where = and(...conditions.filter((c): c is SQL => c !== undefined));
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        ...expertColumns,
        enterpriseAssignments: sql<number>`(select count(*)::int from expert_assignments a where a.expert_id = ${experts.id} and a.kind = 'enterprise')`,
        districtAssignments: sql<
          string[]
        >`coalesce((select array_agg(a.district_code order by a.district_code) from expert_assignments a where a.expert_id = ${experts.id} and a.kind = 'district'), '{}')`,
        conflicts: sql<number>`(select count(*)::int from expert_conflicts c where c.expert_id = ${experts.id})`,
      })
      .from(experts)
      .leftJoin(users, eq(users.id, experts.userId))
      .where(where)
      .orderBy(asc(experts.name), asc(experts.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(experts).where(where),
  ]);
  return { items, total };
}

export async function selectExpert(db: DbOrTx, id: string) {
  const [row] = await db.select(expertColumns).from(experts).leftJoin(users, eq(users.id, experts.userId)).where(eq(experts.id, id));
  return row;
}

export async function selectExpertByUser(db: DbOrTx, userId: string) {
  const [row] = await db
    .select(expertColumns)
    .from(experts)
    .leftJoin(users, eq(users.id, experts.userId))
    .where(eq(experts.userId, userId));
  return row;
}

export async function insertExpert(db: DbOrTx, values: ExpertInsert): Promise<ExpertRow> {
  const [row] = await db.insert(experts).values(values).returning();
  return row;
}

/** Many at once (demo data): one multi-row insert. */
export function insertExperts(db: DbOrTx, values: ExpertInsert[]) {
  return db.insert(experts).values(values).returning({ id: experts.id, userId: experts.userId });
}

/** Updates only if the version still matches; undefined means someone else changed it first. */
export async function updateExpertVersioned(db: DbOrTx, id: string, version: number, values: Partial<ExpertInsert>) {
  const [row] = await db
    .update(experts)
    .set({ ...values, version: sql`${experts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(experts.id, id), eq(experts.version, version)))
    .returning();
  return row;
}

/**
 * The experts who can be drawn for 专家评审: those with an account that is not disabled (an
 * expert without a login could not score). Field and districts served, for the draw's rules.
 */
export function selectReviewableExperts(db: DbOrTx) {
  return db
    .select({
      id: experts.id,
      name: experts.name,
      organization: experts.organization,
      userId: experts.userId,
      industryCode: experts.industryCode,
      districtCodes: experts.districtCodes,
    })
    .from(experts)
    .innerJoin(users, eq(users.id, experts.userId))
    .where(eq(users.disabled, false))
    .orderBy(asc(experts.id));
}

/** Name, organization and login of some experts by id (display of ids another module holds). */
export function selectExpertsByIds(db: DbOrTx, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: experts.id, name: experts.name, organization: experts.organization, userId: experts.userId })
    .from(experts)
    .where(sql`${experts.id} = any(${sql.param(ids)}::uuid[])`);
}

// ---- conflicts of interest ----

export function selectConflicts(db: DbOrTx, expertId: string) {
  return db.select().from(expertConflicts).where(eq(expertConflicts.expertId, expertId)).orderBy(asc(expertConflicts.createdAt));
}

export async function selectConflict(db: DbOrTx, expertId: string, enterpriseId: string) {
  const [row] = await db
    .select()
    .from(expertConflicts)
    .where(and(eq(expertConflicts.expertId, expertId), eq(expertConflicts.enterpriseId, enterpriseId)));
  return row;
}

/** The declared conflicts with any of these enterprises (one query). */
export function selectConflictsWith(db: DbOrTx, enterpriseIds: string[]) {
  if (!enterpriseIds.length) return Promise.resolve([]);
  return db
    .select({ expertId: expertConflicts.expertId, enterpriseId: expertConflicts.enterpriseId })
    .from(expertConflicts)
    .where(sql`${expertConflicts.enterpriseId} = any(${sql.param(enterpriseIds)}::uuid[])`);
}

export async function insertConflict(db: DbOrTx, values: typeof expertConflicts.$inferInsert) {
  const [row] = await db.insert(expertConflicts).values(values).onConflictDoNothing().returning();
  return row;
}

export function insertConflicts(db: DbOrTx, values: (typeof expertConflicts.$inferInsert)[]) {
  return values.length ? db.insert(expertConflicts).values(values).onConflictDoNothing() : Promise.resolve();
}

export async function deleteConflict(db: DbOrTx, expertId: string, enterpriseId: string) {
  const [row] = await db
    .delete(expertConflicts)
    .where(and(eq(expertConflicts.expertId, expertId), eq(expertConflicts.enterpriseId, enterpriseId)))
    .returning();
  return row;
}

// ---- assignments ----

export function selectAssignments(db: DbOrTx, expertId: string) {
  return db
    .select()
    .from(expertAssignments)
    .where(eq(expertAssignments.expertId, expertId))
    .orderBy(asc(expertAssignments.kind), asc(expertAssignments.createdAt));
}

export async function selectAssignment(db: DbOrTx, expertId: string, assignmentId: string) {
  const [row] = await db
    .select()
    .from(expertAssignments)
    .where(and(eq(expertAssignments.id, assignmentId), eq(expertAssignments.expertId, expertId)));
  return row;
}

/** Inserts unless the same assignment exists; undefined when it did. */
export async function insertAssignment(db: DbOrTx, values: typeof expertAssignments.$inferInsert) {
  const [row] = await db.insert(expertAssignments).values(values).onConflictDoNothing().returning();
  return row;
}

export function insertAssignments(db: DbOrTx, values: (typeof expertAssignments.$inferInsert)[]) {
  return values.length ? db.insert(expertAssignments).values(values).onConflictDoNothing() : Promise.resolve();
}

export async function deleteAssignment(db: DbOrTx, id: string) {
  const [row] = await db.delete(expertAssignments).where(eq(expertAssignments.id, id)).returning();
  return row;
}

/** The point-to-point assignment of this expert to this enterprise, removed (a conflict was declared). */
export async function deleteEnterpriseAssignment(db: DbOrTx, expertId: string, enterpriseId: string) {
  const [row] = await db
    .delete(expertAssignments)
    .where(and(eq(expertAssignments.expertId, expertId), eq(expertAssignments.enterpriseId, enterpriseId)))
    .returning();
  return row;
}

// ---- visits ----

/**
 * Who may see which visits: those of the enterprises in `enterpriseIds` (a scope's subquery), and
 * for an expert only the ones that expert wrote.
 */
export interface VisitVisibility {
  enterpriseIds: SQL;
  expertUserId?: string;
}

/** The visits an actor may see: those of the enterprises in its scope; an expert, only its own among them. */
export function visitsVisibleTo(actor: Actor): VisitVisibility {
  return {
    enterpriseIds: enterpriseIdsInScope(scopeOf(actor)),
    expertUserId: actor.role === 'expert' ? actor.userId : undefined,
  };
}

function visibleVisits(v: VisitVisibility): SQL | undefined {
  return and(
    sql`${expertVisits.enterpriseId} in (${v.enterpriseIds})`,
    v.expertUserId ? sql`${expertVisits.expertId} in (select x.id from experts x where x.user_id = ${v.expertUserId})` : undefined,
  );
}

const visitColumns = { ...getTableColumns(expertVisits), expertName: experts.name, expertOrganization: experts.organization };

export function selectVisitsOf(db: DbOrTx, enterpriseId: string, visibility: VisitVisibility) {
  return db
    .select(visitColumns)
    .from(expertVisits)
    .innerJoin(experts, eq(experts.id, expertVisits.expertId))
    .where(and(eq(expertVisits.enterpriseId, enterpriseId), visibleVisits(visibility)))
    .orderBy(desc(expertVisits.visitedOn), desc(expertVisits.createdAt));
}

export async function selectVisibleVisit(db: DbOrTx, id: string, visibility: VisitVisibility) {
  const [row] = await db
    .select({ id: expertVisits.id })
    .from(expertVisits)
    .where(and(eq(expertVisits.id, id), visibleVisits(visibility)));
  return row;
}

export async function insertVisit(db: DbOrTx, values: typeof expertVisits.$inferInsert): Promise<VisitRow> {
  const [row] = await db.insert(expertVisits).values(values).returning();
  return row;
}

export function insertVisits(db: DbOrTx, values: (typeof expertVisits.$inferInsert)[]) {
  return values.length ? db.insert(expertVisits).values(values) : Promise.resolve();
}
