// 异议: objections recorded against items in 公示 and the city's findings. The only file with SQL on
// recognition_objections.
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { recognitionApplications, recognitionObjections } from '../../db/schema/index.js';
import type { ObjectionState } from '../../domain/recognition/lifecycle.js';

export type ObjectionRow = typeof recognitionObjections.$inferSelect;
export type { ObjectionState };

/**
 * Objections still awaiting a finding on the items of a round that are still in 公示 (the
 * announcement refuses while any is open; an item an upheld objection removed no longer counts).
 */
export async function openObjectionCount(db: DbOrTx, roundId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recognitionObjections)
    .innerJoin(recognitionApplications, eq(recognitionApplications.id, recognitionObjections.applicationId))
    .where(
      and(
        eq(recognitionApplications.roundId, roundId),
        eq(recognitionApplications.status, 'in_publicity'),
        eq(recognitionObjections.status, 'open'),
      ),
    );
  return row?.n ?? 0;
}

/**
 * The objection state of an application as an SQL expression over its id column (lists and the
 * 公示 list): 'open' while any objection waits for a finding, else 'upheld' if one was upheld, else
 * 'dismissed' if all were dismissed, else 'none'.
 */
export function objectionStateOf(applicationId: SQL | typeof recognitionApplications.id): SQL<ObjectionState> {
  return sql<ObjectionState>`coalesce((select case when bool_or(o.status = 'open') then 'open' when bool_or(o.status = 'upheld') then 'upheld' when count(*) > 0 then 'dismissed' end from recognition_objections o where o.application_id = ${applicationId}), 'none')`;
}

/**
 * The applications in one objection state, as a filter over their id column: semi- and anti-joins
 * on the objections (few), which the planner hashes once. Filtering on objectionStateOf instead runs
 * its aggregate once per application: 1.2 s against 0.5 ms over 200,000 applications.
 */
export function objectionStateIs(applicationId: SQL | typeof recognitionApplications.id, state: ObjectionState): SQL {
  const any = (status?: 'open' | 'upheld') =>
    sql`exists (select 1 from recognition_objections o where o.application_id = ${applicationId}${status ? sql` and o.status = ${status}` : sql``})`;
  switch (state) {
    case 'open':
      return any('open');
    case 'upheld':
      return sql`(${any('upheld')} and not ${any('open')})`;
    case 'dismissed':
      return sql`(${any()} and not ${any('open')} and not ${any('upheld')})`;
    case 'none':
      return sql`not ${any()}`;
  }
}

/** The objection states of some applications (those without an objection are absent: 'none'). */
export async function selectObjectionStates(db: DbOrTx, applicationIds: string[]): Promise<Map<string, ObjectionState>> {
  if (!applicationIds.length) return new Map();
  const rows = await db
    .select({
      applicationId: recognitionObjections.applicationId,
      state: sql<ObjectionState>`case when bool_or(${recognitionObjections.status} = 'open') then 'open' when bool_or(${recognitionObjections.status} = 'upheld') then 'upheld' else 'dismissed' end`,
    })
    .from(recognitionObjections)
    .where(sql`${recognitionObjections.applicationId} = any(${sql.param(applicationIds)}::uuid[])`)
    .groupBy(recognitionObjections.applicationId);
  return new Map(rows.map((r) => [r.applicationId, r.state]));
}

export async function insertObjection(db: DbOrTx, values: typeof recognitionObjections.$inferInsert): Promise<ObjectionRow> {
  const [row] = await db.insert(recognitionObjections).values(values).returning();
  return row;
}

/** One objection, locked for the finding (in the finding's transaction). */
export async function selectObjectionForUpdate(db: DbOrTx, id: string): Promise<ObjectionRow | undefined> {
  const [row] = await db.select().from(recognitionObjections).where(eq(recognitionObjections.id, id)).for('update');
  return row;
}

export async function selectObjection(db: DbOrTx, id: string): Promise<ObjectionRow | undefined> {
  const [row] = await db.select().from(recognitionObjections).where(eq(recognitionObjections.id, id));
  return row;
}

/** Records the finding only while the objection is open; undefined when another finding came first. */
export async function updateObjectionFinding(
  db: DbOrTx,
  id: string,
  values: { status: 'upheld' | 'dismissed'; findingReason: string; foundBy: string },
): Promise<ObjectionRow | undefined> {
  const [row] = await db
    .update(recognitionObjections)
    .set({ ...values, foundAt: new Date() })
    .where(and(eq(recognitionObjections.id, id), eq(recognitionObjections.status, 'open')))
    .returning();
  return row;
}

const objectionColumns = {
  id: recognitionObjections.id,
  applicationId: recognitionObjections.applicationId,
  channel: recognitionObjections.channel,
  objectorName: recognitionObjections.objectorName,
  objectorContact: recognitionObjections.objectorContact,
  facts: recognitionObjections.facts,
  receivedOn: recognitionObjections.receivedOn,
  status: recognitionObjections.status,
  findingReason: recognitionObjections.findingReason,
  foundAt: recognitionObjections.foundAt,
  foundBy: recognitionObjections.foundBy,
  recordedBy: recognitionObjections.recordedBy,
  createdAt: recognitionObjections.createdAt,
};

/** The objections of an application, oldest first. */
export function selectObjectionsOf(db: DbOrTx, applicationId: string): Promise<ObjectionRow[]> {
  return db
    .select(objectionColumns)
    .from(recognitionObjections)
    .where(eq(recognitionObjections.applicationId, applicationId))
    .orderBy(asc(recognitionObjections.createdAt), asc(recognitionObjections.id));
}
