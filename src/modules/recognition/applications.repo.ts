import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { districts, enterprises, recognitionApplications, recognitionHistory, recognitionRounds } from '../../db/schema/index.js';
import type { Actor } from '../../server/access.js';

// The ONLY file with SQL for recognition_applications and recognition_history (parts A and R).

export type ApplicationRow = typeof recognitionApplications.$inferSelect;
export type ApplicationInsert = typeof recognitionApplications.$inferInsert;
export type HistoryRow = typeof recognitionHistory.$inferSelect;

/**
 * The applications an actor may read, as a condition on recognition_applications: the city all;
 * a district officer those of its district or functional zone; an enterprise its own; an expert
 * those it is assigned to (recognition_expert_reviews); nobody else any.
 */
export function applicationsVisibleTo(actor: Actor): SQL {
  const a = recognitionApplications;
  switch (actor.role) {
    case 'city_admin':
      return sql`true`;
    case 'district_admin':
      return actor.districtCode ? sql`(${a.districtCode} = ${actor.districtCode} or ${a.zoneCode} = ${actor.districtCode})` : sql`false`;
    case 'enterprise':
      return actor.enterpriseId ? sql`${a.enterpriseId} = ${actor.enterpriseId}` : sql`false`;
    case 'expert':
      return sql`exists (select 1 from recognition_expert_reviews r join experts x on x.id = r.expert_id
        where r.application_id = ${a.id} and x.user_id = ${actor.userId})`;
    default:
      return sql`false`;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One application through the actor's scope (undefined outside it), optionally locked for update. */
export async function selectVisibleApplication(
  db: DbOrTx,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ApplicationRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const query = db
    .select()
    .from(recognitionApplications)
    .where(and(eq(recognitionApplications.id, id), applicationsVisibleTo(actor)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function selectApplicationOf(db: DbOrTx, roundId: string, enterpriseId: string): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .select()
    .from(recognitionApplications)
    .where(and(eq(recognitionApplications.roundId, roundId), eq(recognitionApplications.enterpriseId, enterpriseId)));
  return row;
}

/** Inserts an application; undefined when the enterprise already has one in the round (unique key). */
export async function insertApplication(tx: DbOrTx, values: ApplicationInsert): Promise<ApplicationRow | undefined> {
  const [row] = await tx.insert(recognitionApplications).values(values).onConflictDoNothing().returning();
  return row;
}

/**
 * The optimistic status update of a transition: WHERE id AND status = expected; bumps version.
 * Undefined when the status moved meanwhile (the caller refuses the action).
 */
export async function updateApplicationStatus(
  tx: DbOrTx,
  id: string,
  expected: string,
  to: string,
  set: Partial<ApplicationInsert> = {},
): Promise<ApplicationRow | undefined> {
  const [row] = await tx
    .update(recognitionApplications)
    .set({ ...set, status: to, version: sql`${recognitionApplications.version} + 1`, updatedAt: new Date() })
    .where(and(eq(recognitionApplications.id, id), eq(recognitionApplications.status, expected)))
    .returning();
  return row;
}

export async function insertHistory(tx: DbOrTx, values: typeof recognitionHistory.$inferInsert): Promise<void> {
  await tx.insert(recognitionHistory).values(values);
}

export async function selectHistory(db: DbOrTx, applicationId: string): Promise<HistoryRow[]> {
  return db
    .select()
    .from(recognitionHistory)
    .where(eq(recognitionHistory.applicationId, applicationId))
    .orderBy(asc(recognitionHistory.at), asc(recognitionHistory.id));
}

/** What the detail shows beside the row: the round, the enterprise's name and code, the district's name. */
export async function selectApplicationContext(db: DbOrTx, row: ApplicationRow) {
  const [found] = await db
    .select({
      roundName: recognitionRounds.name,
      roundTier: recognitionRounds.tier,
      roundType: recognitionRounds.type,
      opensOn: recognitionRounds.opensOn,
      closesOn: recognitionRounds.closesOn,
      ruleSet: recognitionRounds.ruleSet,
      enterpriseName: enterprises.name,
      uscc: enterprises.uscc,
      districtName: districts.name,
    })
    .from(recognitionRounds)
    .innerJoin(enterprises, eq(enterprises.id, row.enterpriseId))
    .innerJoin(districts, eq(districts.code, row.districtCode))
    .where(eq(recognitionRounds.id, row.roundId));
  return found;
}

// ---- A: the enterprise's side ----

/** What an application needs of its round (window, rule set, due days). */
export async function selectRoundOf(db: DbOrTx, roundId: string) {
  if (!UUID.test(roundId)) return undefined;
  const r = recognitionRounds;
  const [row] = await db
    .select({
      id: r.id,
      name: r.name,
      tier: r.tier,
      type: r.type,
      year: r.year,
      opensOn: r.opensOn,
      closesOn: r.closesOn,
      continuous: r.continuous,
      cutoffDates: r.cutoffDates,
      districtReviewDays: r.districtReviewDays,
      ruleSet: r.ruleSet,
    })
    .from(r)
    .where(eq(r.id, roundId));
  return row;
}
export type ApplicationRound = NonNullable<Awaited<ReturnType<typeof selectRoundOf>>>;

/**
 * Autosave in one statement: the form, its version bumped, WHERE the enterprise's own application is
 * still editable and the version is the one the client had. Returns the new version and what the
 * live evaluation needs of the round; undefined when nothing was written (the caller says why).
 */
export async function updateDraftForm(
  db: DbOrTx,
  q: { id: string; enterpriseId: string; formVersion: number; form: unknown; savedAt: Date; editable: readonly string[] },
) {
  if (!UUID.test(q.id)) return undefined;
  const a = recognitionApplications;
  const r = recognitionRounds;
  const [row] = await db
    .update(a)
    .set({ form: q.form, formVersion: sql`${a.formVersion} + 1`, formSavedAt: q.savedAt })
    .from(r)
    .where(
      and(
        eq(a.id, q.id),
        eq(a.enterpriseId, q.enterpriseId),
        eq(a.formVersion, q.formVersion),
        inArray(a.status, [...q.editable]),
        eq(r.id, a.roundId),
      ),
    )
    .returning({
      formVersion: a.formVersion,
      formSavedAt: a.formSavedAt,
      ruleSet: r.ruleSet,
      type: r.type,
      opensOn: r.opensOn,
      closesOn: r.closesOn,
    });
  return row;
}
