// The review side's SQL on recognition_applications and recognition_history (part R): the scoped
// list with its filters, the set-based batch transition, and the overdue counts of the daily sweep.
// Kept beside applications.repo.ts (part A) so that the two parts' edits do not collide; the scope
// is applications.repo.ts's applicationsVisibleTo, one definition for both.
import { and, asc, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { rowsOf } from '../../db/rows.js';
import { recognitionApplications, recognitionOverdueReminders, recognitionRounds } from '../../db/schema/index.js';
import { SECTION_RANGES } from '../../domain/industry-sections.js';
import type { Actor } from '../../server/access.js';
import { listedEnterprises } from '../enterprises/registry-views.repo.js';
import { applicationsVisibleTo } from './applications.repo.js';
import { type ObjectionState, objectionStateIs, objectionStateOf } from './objections.repo.js';

const a = recognitionApplications;

export type ApplicationSort =
  | 'districtDueOn'
  | '-districtDueOn'
  | 'submittedAt'
  | '-submittedAt'
  | 'score'
  | '-score'
  | 'expertScore'
  | '-expertScore'
  | 'enterpriseName';

export interface ApplicationFilter {
  roundId?: string;
  statuses?: string[];
  tier?: string;
  scoreMin?: number;
  scoreMax?: number;
  /** A GB/T 4754 division ('39') or a section letter ('C'). */
  industryCode?: string;
  districtCode?: string;
  overdue?: boolean;
  /** The objection state (异议) of the application: 'open' while any waits for the city's finding. */
  objection?: ObjectionState;
  q?: string;
  /** Statuses left out unless asked for by `statuses` (officers do not see drafts). */
  hiddenStatuses?: string[];
  sort: ApplicationSort;
  today: string;
  page: number;
  pageSize: number;
}

const overdueCondition = (today: string) => sql`(${a.status} = 'submitted' and ${a.districtDueOn} < ${today})`;

function conditions(actor: Actor, f: ApplicationFilter): SQL | undefined {
  const list: (SQL | undefined)[] = [applicationsVisibleTo(actor)];
  if (f.roundId) list.push(eq(a.roundId, f.roundId));
  if (f.statuses?.length) list.push(sql`${a.status} = any(${sql.param(f.statuses)}::text[])`);
  else if (f.hiddenStatuses?.length) list.push(sql`${a.status} <> all(${sql.param(f.hiddenStatuses)}::text[])`);
  if (f.tier) list.push(eq(a.tier, f.tier as 'srdi'));
  if (f.scoreMin !== undefined) list.push(gte(a.score, f.scoreMin));
  if (f.scoreMax !== undefined) list.push(lte(a.score, f.scoreMax));
  if (f.industryCode) {
    const range = SECTION_RANGES[f.industryCode];
    list.push(range ? and(gte(a.industryCode, range[0]), lte(a.industryCode, range[1])) : eq(a.industryCode, f.industryCode));
  }
  if (f.districtCode) list.push(sql`(${a.districtCode} = ${f.districtCode} or ${a.zoneCode} = ${f.districtCode})`);
  if (f.overdue === true) list.push(overdueCondition(f.today));
  if (f.overdue === false) list.push(sql`not ${overdueCondition(f.today)}`);
  if (f.objection) list.push(objectionStateIs(a.id, f.objection));
  return and(...list);
}

function orderOf(sort: Exclude<ApplicationSort, 'enterpriseName'>) {
  switch (sort) {
    case 'districtDueOn':
      return [sql`${a.districtDueOn} asc nulls last`, sql`${a.submittedAt} asc nulls last`];
    case '-districtDueOn':
      return [sql`${a.districtDueOn} desc nulls last`, sql`${a.submittedAt} desc nulls last`];
    case 'submittedAt':
      return [sql`${a.submittedAt} asc nulls last`];
    case '-submittedAt':
      return [sql`${a.submittedAt} desc nulls last`];
    case 'score':
      return [sql`${a.score} asc nulls last`];
    case '-score':
      return [sql`${a.score} desc nulls last`];
    case 'expertScore':
      return [sql`${a.expertScore} asc nulls last`];
    case '-expertScore':
      return [sql`${a.expertScore} desc nulls last`];
  }
}

/**
 * One page of the applications the actor may read, and the total. In two steps, so that the
 * registry is joined for the page only: the page's ids from the applications alone (a search
 * narrows them to the enterprises the registry's own name/USCC search finds), then those rows with
 * the enterprise's name and code (the registry's published subquery), the round's name, the
 * reference names and the objection state.
 */
export async function selectApplicationPage(db: DbOrTx, actor: Actor, f: ApplicationFilter) {
  const found = f.q ? listedEnterprises(db, { kind: 'all' }, { q: f.q }) : undefined;
  const where = and(conditions(actor, f), found ? inArray(a.enterpriseId, db.select({ id: found.id }).from(found)) : undefined);
  // Sorting by name needs the registry for the whole set; every other order is the applications' own.
  const named = f.sort === 'enterpriseName' ? listedEnterprises(db, { kind: 'all' }, {}) : undefined;
  // The page's ids with the total beside them (one scan); past the last page, the total alone.
  const total = sql<number>`(count(*) over ())::int`;
  const pageQuery = named
    ? db
        .select({ id: a.id, total })
        .from(a)
        .innerJoin(named, eq(named.id, a.enterpriseId))
        .where(where)
        .orderBy(asc(named.name), desc(a.id))
    : db
        .select({ id: a.id, total })
        .from(a)
        .where(where)
        .orderBy(...orderOf(f.sort as Exclude<ApplicationSort, 'enterpriseName'>), desc(a.id));
  const ids = await pageQuery.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  if (!ids.length) {
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(a).where(where);
    return { items: [], total: n };
  }
  const n = ids[0].total;
  const e = listedEnterprises(db, { kind: 'all' }, {});
  const rows = await db
    .select({
      id: a.id,
      roundId: a.roundId,
      roundName: recognitionRounds.name,
      enterpriseId: a.enterpriseId,
      enterpriseName: e.name,
      uscc: e.uscc,
      districtCode: a.districtCode,
      // Reference names beside the codes (a lookup by primary key per row of the page).
      districtName: sql<string | null>`(select d.name from districts d where d.code = ${a.districtCode})`,
      industryCode: a.industryCode,
      industryName: sql<string | null>`(select i.name from industries i where i.code = ${a.industryCode})`,
      tier: a.tier,
      status: a.status,
      score: a.score,
      outcome: a.outcome,
      expertScore: a.expertScore,
      expertScoreFlagged: a.expertScoreFlagged,
      submittedAt: a.submittedAt,
      districtDueOn: a.districtDueOn,
      returnReasonCode: a.returnReasonCode,
      returnReason: a.returnReason,
      objection: objectionStateOf(a.id),
    })
    .from(a)
    .innerJoin(e, eq(e.id, a.enterpriseId))
    .innerJoin(recognitionRounds, eq(recognitionRounds.id, a.roundId))
    .where(sql`${a.id} = any(${sql.param(ids.map((r) => r.id))}::uuid[])`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: ids.flatMap((r) => byId.get(r.id) ?? []), total: n };
}

export interface BatchCandidate {
  id: string;
  status: string;
  enterpriseId: string;
  enterpriseName: string;
  districtCode: string;
  zoneCode: string | null;
  roundName: string;
}

/** The applications among `ids` the actor may read, locked for update in id order (the batch checks them before it writes). */
export async function selectBatchCandidates(db: DbOrTx, actor: Actor, ids: string[]): Promise<BatchCandidate[]> {
  if (!ids.length) return [];
  const e = listedEnterprises(db, { kind: 'all' }, {});
  return db
    .select({
      id: a.id,
      status: a.status,
      enterpriseId: a.enterpriseId,
      enterpriseName: e.name,
      districtCode: a.districtCode,
      zoneCode: a.zoneCode,
      roundName: recognitionRounds.name,
    })
    .from(a)
    .innerJoin(e, eq(e.id, a.enterpriseId))
    .innerJoin(recognitionRounds, eq(recognitionRounds.id, a.roundId))
    .where(and(sql`${a.id} = any(${sql.param(ids)}::uuid[])`, applicationsVisibleTo(actor)))
    .orderBy(asc(a.id))
    .for('update', { of: a });
}

/**
 * The set-based transition of a batch, in one statement: every listed application still in one of
 * `from` moves to `to` (version bumped) and gets its history row. Returns the ids moved and the
 * status each came from; the caller refuses the batch when fewer than all moved.
 */
export async function transitionMany(
  tx: DbOrTx,
  ids: string[],
  step: { action: string; from: readonly string[]; to: string; actorId: string; actorName: string },
): Promise<{ id: string; fromStatus: string }[]> {
  const result = await tx.execute(sql`
    with prev as (
      select id, status from recognition_applications
      where id = any(${sql.param(ids)}::uuid[]) and status = any(${sql.param([...step.from])}::text[])
    ), moved as (
      update recognition_applications t set status = ${step.to}, version = t.version + 1, updated_at = now()
      from prev where t.id = prev.id and t.status = prev.status
      returning t.id, prev.status as from_status
    ), history as (
      insert into recognition_history (application_id, action, from_status, to_status, actor_id, actor_name)
      select id, ${step.action}, from_status, ${step.to}, ${step.actorId}::uuid, ${step.actorName} from moved
    )
    select id, from_status from moved`);
  const rows = rowsOf<{ id: string; from_status: string }>(result);
  return rows.map((r) => ({ id: r.id, fromStatus: r.from_status }));
}

/** Per district code (the application's 区县 and its functional zone), how many submitted applications are past their due date. */
export async function countOverdueByDistrict(db: DbOrTx, today: string): Promise<{ districtCode: string; overdue: number }[]> {
  const result = await db.execute(sql`
    select code as "districtCode", count(*)::int as overdue from (
      select district_code as code from recognition_applications where status = 'submitted' and district_due_on < ${today}
      union all
      select zone_code from recognition_applications where status = 'submitted' and district_due_on < ${today} and zone_code is not null
    ) o group by code order by code`);
  return rowsOf<{ districtCode: string; overdue: number }>(result);
}

/** Claims the day's overdue reminder of these districts; returns those not told yet today. */
export async function claimOverdueReminders(
  tx: DbOrTx,
  day: string,
  counts: { districtCode: string; overdue: number }[],
): Promise<string[]> {
  if (!counts.length) return [];
  const rows = await tx
    .insert(recognitionOverdueReminders)
    .values(counts.map((c) => ({ districtCode: c.districtCode, day, overdue: c.overdue })))
    .onConflictDoNothing()
    .returning({ districtCode: recognitionOverdueReminders.districtCode });
  return rows.map((r) => r.districtCode);
}

/** The checklist of an application (初审核查), written by a district officer or the city. */
export async function updateChecklist(tx: DbOrTx, id: string, checklist: Record<string, unknown>) {
  const [row] = await tx
    .update(a)
    .set({ checklist, version: sql`${a.version} + 1`, updatedAt: new Date() })
    .where(eq(a.id, id))
    .returning();
  return row;
}

/**
 * Per 区县 of the application (its district, not its zone), how many of the applications the actor
 * may read are in one of `statuses` (and past their 初审 due date when `overdueOn` is given): the
 * workbench's per-district list. Largest first.
 */
export async function countApplicationsByDistrict(
  db: DbOrTx,
  actor: Actor,
  f: { statuses: string[]; overdueOn?: string },
): Promise<{ districtCode: string; districtName: string | null; count: number }[]> {
  const n = sql<number>`count(*)::int`;
  return db
    .select({
      districtCode: a.districtCode,
      districtName: sql<string | null>`(select d.name from districts d where d.code = ${a.districtCode})`,
      count: n,
    })
    .from(a)
    .where(
      and(
        applicationsVisibleTo(actor),
        sql`${a.status} = any(${sql.param(f.statuses)}::text[])`,
        f.overdueOn ? overdueCondition(f.overdueOn) : undefined,
      ),
    )
    .groupBy(a.districtCode)
    .orderBy(desc(n), asc(a.districtCode));
}

/**
 * 复核通过率 per unit (the application's 区县 and its functional zone): the 复核 applications of the
 * rounds announced from `from` to `to` that have a result — passed (认定) or not (初审、复审不通过,
 * 未认定). One statement for every unit (the 通报).
 */
export async function selectUnitReviewOutcomes(
  db: DbOrTx,
  q: { from: string; to: string },
): Promise<{ unitCode: string; decided: number; passed: number }[]> {
  const result = await db.execute(sql`
    select v.unit_code, count(*)::int as decided, count(*) filter (where a.status = 'recognised')::int as passed
    from recognition_applications a
    join recognition_rounds r on r.id = a.round_id
    cross join lateral (values (a.district_code), (a.zone_code)) v(unit_code)
    where r.type = 'review' and r.announced_on between ${q.from}::date and ${q.to}::date
      and a.status in ('recognised', 'not_recognised', 'district_rejected', 'city_rejected')
      and v.unit_code is not null
    group by v.unit_code`);
  const rows = rowsOf<{
    unit_code: string;
    decided: number;
    passed: number;
  }>(result);
  return rows.map((r) => ({ unitCode: r.unit_code, decided: Number(r.decided), passed: Number(r.passed) }));
}
