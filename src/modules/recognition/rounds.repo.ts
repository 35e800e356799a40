// 申报批次 and the steps of a round that move many items at once (公示, 公告, 推荐, 结束): the only
// file with SQL on recognition_rounds (part B). The round steps write the applications and their
// history rows set-based (one statement per step, whatever the number of items).
import { and, asc, desc, eq, gte, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { rowsOf } from '../../db/rows.js';
import { recognitionApplications, recognitionRounds } from '../../db/schema/index.js';
import type { RecognitionHistoryAction, RecognitionStatus } from '../../domain/recognition/lifecycle.js';
import type { Actor } from '../../server/access.js';
import { listedEnterprises } from '../enterprises/registry-views.repo.js';
import { objectionStateOf } from './objections.repo.js';
import { historyActorName } from './record-transition.js';

export type RoundRow = typeof recognitionRounds.$inferSelect;
export type RoundInsert = typeof recognitionRounds.$inferInsert;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function insertRound(tx: DbOrTx, values: RoundInsert): Promise<RoundRow> {
  const [row] = await tx.insert(recognitionRounds).values(values).returning();
  return row;
}

export async function selectRound(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<RoundRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const q = db.select().from(recognitionRounds).where(eq(recognitionRounds.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function updateRound(tx: DbOrTx, id: string, values: Partial<RoundInsert>): Promise<RoundRow> {
  const [row] = await tx
    .update(recognitionRounds)
    .set({ ...values, version: sql`${recognitionRounds.version} + 1`, updatedAt: new Date() })
    .where(eq(recognitionRounds.id, id))
    .returning();
  return row;
}

export interface RoundFilter {
  year?: number;
  tier?: string;
  type?: string;
}

function roundConditions(filter: RoundFilter): SQL[] {
  const c: SQL[] = [];
  if (filter.year !== undefined) c.push(eq(recognitionRounds.year, filter.year));
  if (filter.tier) c.push(eq(recognitionRounds.tier, filter.tier as RoundRow['tier']));
  if (filter.type) c.push(eq(recognitionRounds.type, filter.type as RoundRow['type']));
  return c;
}

/** Every round matching the filter, the latest window first. */
export function selectRounds(db: DbOrTx, filter: RoundFilter, page: { limit: number; offset: number }) {
  return db
    .select()
    .from(recognitionRounds)
    .where(and(...roundConditions(filter)))
    .orderBy(desc(recognitionRounds.opensOn), desc(recognitionRounds.createdAt))
    .limit(page.limit)
    .offset(page.offset);
}

export async function countRounds(db: DbOrTx, filter: RoundFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recognitionRounds)
    .where(and(...roundConditions(filter)));
  return row.n;
}

/** An enterprise's rounds: those whose window is open today (not closed), and those it has applied to. */
function enterpriseRoundCondition(enterpriseId: string, today: string): SQL {
  return sql`((${recognitionRounds.opensOn} <= ${today}::date and ${recognitionRounds.closesOn} >= ${today}::date and ${recognitionRounds.closedOn} is null)
    or exists (select 1 from recognition_applications a where a.round_id = ${recognitionRounds.id} and a.enterprise_id = ${enterpriseId}))`;
}

export function selectEnterpriseRounds(
  db: DbOrTx,
  enterpriseId: string,
  today: string,
  filter: RoundFilter,
  page: { limit: number; offset: number },
) {
  return db
    .select()
    .from(recognitionRounds)
    .where(and(enterpriseRoundCondition(enterpriseId, today), ...roundConditions(filter)))
    .orderBy(desc(recognitionRounds.opensOn), desc(recognitionRounds.createdAt))
    .limit(page.limit)
    .offset(page.offset);
}

export async function countEnterpriseRounds(db: DbOrTx, enterpriseId: string, today: string, filter: RoundFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recognitionRounds)
    .where(and(enterpriseRoundCondition(enterpriseId, today), ...roundConditions(filter)));
  return row.n;
}

/** The enterprise's applications in some rounds: round id → { id, status }. */
export async function selectApplicationsOfEnterprise(db: DbOrTx, enterpriseId: string, roundIds: string[]) {
  if (!roundIds.length) return new Map<string, { id: string; status: string }>();
  const rows = await db
    .select({ roundId: recognitionApplications.roundId, id: recognitionApplications.id, status: recognitionApplications.status })
    .from(recognitionApplications)
    .where(
      and(
        eq(recognitionApplications.enterpriseId, enterpriseId),
        sql`${recognitionApplications.roundId} = any(${sql.param(roundIds)}::uuid[])`,
      ),
    );
  return new Map(rows.map((r) => [r.roundId, { id: r.id, status: r.status }]));
}

/** Applications of a round per status; a district officer counts only its district's (and zone's). */
export async function countStatuses(db: DbOrTx, roundId: string, districtCode: string | null): Promise<Record<string, number>> {
  const a = recognitionApplications;
  const rows = await db
    .select({ status: a.status, n: sql<number>`count(*)::int` })
    .from(a)
    .where(
      and(eq(a.roundId, roundId), districtCode ? sql`(${a.districtCode} = ${districtCode} or ${a.zoneCode} = ${districtCode})` : undefined),
    )
    .groupBy(a.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Marks the opening as notified; false when another process (or an earlier run) did it. */
export async function claimOpeningNotification(tx: DbOrTx, id: string): Promise<boolean> {
  const rows = await tx
    .update(recognitionRounds)
    .set({ openingNotifiedAt: new Date() })
    .where(and(eq(recognitionRounds.id, id), isNull(recognitionRounds.openingNotifiedAt)))
    .returning({ id: recognitionRounds.id });
  return rows.length > 0;
}

/** Rounds whose window is open today and whose opening has not been notified yet. */
export function selectRoundsDueForOpening(db: DbOrTx, today: string) {
  return db
    .select()
    .from(recognitionRounds)
    .where(
      and(
        isNull(recognitionRounds.openingNotifiedAt),
        lte(recognitionRounds.opensOn, today),
        gte(recognitionRounds.closesOn, today),
        isNull(recognitionRounds.closedOn),
      ),
    )
    .orderBy(asc(recognitionRounds.opensOn));
}

/** Items of a round with their enterprise (for the round steps), locked when `forUpdate`. */
export async function selectRoundItems(
  db: DbOrTx,
  roundId: string,
  where: { ids?: string[]; statuses?: RecognitionStatus[] },
  opts: { forUpdate?: boolean } = {},
) {
  const a = recognitionApplications;
  const e = listedEnterprises(db, { kind: 'all' }, {});
  const q = db
    .select({
      id: a.id,
      status: a.status,
      enterpriseId: a.enterpriseId,
      enterpriseName: e.name,
      uscc: e.uscc,
      districtCode: a.districtCode,
      reviewedTitleId: a.reviewedTitleId,
      objection: objectionStateOf(a.id),
    })
    .from(a)
    .innerJoin(e, eq(e.id, a.enterpriseId))
    .where(
      and(
        eq(a.roundId, roundId),
        where.ids ? sql`${a.id} = any(${sql.param(where.ids)}::uuid[])` : undefined,
        where.statuses ? sql`${a.status} = any(${sql.param(where.statuses)}::text[])` : undefined,
      ),
    )
    .orderBy(asc(a.districtCode), asc(e.uscc));
  return opts.forUpdate ? q.for('update', { of: a }) : q;
}

export interface ItemsTransition {
  roundId: string;
  /** Each item with the status it must still be in (optimistic: others are left alone and not returned). */
  ids: string[];
  from: RecognitionStatus[];
  to: RecognitionStatus;
  action: RecognitionHistoryAction;
  actor: Actor;
  reason?: string | null;
  /** Granted titles, by application id (announcement, MIIT's list). */
  titleIds?: Map<string, string>;
}

/**
 * Moves many items of a round in one statement: the status (and title), the version, and one
 * history row each, for the items still in one of `from`. Returns the ids moved.
 */
export async function transitionItems(tx: DbOrTx, t: ItemsTransition): Promise<string[]> {
  if (!t.ids.length) return [];
  const titles = t.titleIds ?? new Map<string, string>();
  const ids = t.ids;
  const titleOf = ids.map((id) => titles.get(id) ?? null);
  const actorName = historyActorName(t.actor);
  const result = await tx.execute(sql`
    with input as (
      select * from unnest(${sql.param(ids)}::uuid[], ${sql.param(titleOf)}::uuid[]) as i(id, title_id)
    ),
    old as (
      select a.id, a.status, i.title_id from recognition_applications a join input i on i.id = a.id
      where a.round_id = ${t.roundId} and a.status = any(${sql.param(t.from)}::text[])
      for update of a
    ),
    moved as (
      update recognition_applications a
      set status = ${t.to}, title_id = coalesce(old.title_id, a.title_id), version = a.version + 1, updated_at = now()
      from old where a.id = old.id
      returning a.id
    ),
    history as (
      insert into recognition_history (application_id, action, from_status, to_status, reason, actor_id, actor_name)
      select old.id, ${t.action}, old.status, ${t.to}, ${t.reason ?? null}, ${t.actor.userId}::uuid, ${actorName}
      from old join moved on moved.id = old.id
    )
    select id from moved`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** A history row for each item without a change of status (推荐: the item stays city_approved). */
export async function recordItemsStep(
  tx: DbOrTx,
  step: { ids: string[]; status: RecognitionStatus; action: RecognitionHistoryAction; actor: Actor; reason?: string | null },
): Promise<void> {
  if (!step.ids.length) return;
  const actorName = historyActorName(step.actor);
  await tx.execute(sql`
    insert into recognition_history (application_id, action, from_status, to_status, reason, actor_id, actor_name)
    select i.id, ${step.action}, ${step.status}, ${step.status}, ${step.reason ?? null}, ${step.actor.userId}::uuid, ${actorName}
    from unnest(${sql.param(step.ids)}::uuid[]) as i(id)`);
}

/**
 * The items of a round that went through a step (公示 list, recommended list): those with a history
 * row of `action`, with their enterprise, district and objection state; a district officer sees its own.
 */
export function selectItemsWithStep(db: DbOrTx, roundId: string, action: RecognitionHistoryAction, districtCode: string | null) {
  const a = recognitionApplications;
  const e = listedEnterprises(db, { kind: 'all' }, {});
  return db
    .select({
      applicationId: a.id,
      enterpriseName: e.name,
      districtName: e.districtName,
      uscc: e.uscc,
      status: a.status,
      score: a.score,
      expertScore: a.expertScore,
      objection: objectionStateOf(a.id),
    })
    .from(a)
    .innerJoin(e, eq(e.id, a.enterpriseId))
    .where(
      and(
        eq(a.roundId, roundId),
        sql`exists (select 1 from recognition_history h where h.application_id = ${a.id} and h.action = ${action})`,
        districtCode ? sql`(${a.districtCode} = ${districtCode} or ${a.zoneCode} = ${districtCode})` : undefined,
      ),
    )
    .orderBy(asc(e.districtCode), asc(e.uscc));
}

/** The titles under review of a round's items that were not recognised (to be released at the result). */
export async function selectUnrecognisedReviewedTitles(tx: DbOrTx, roundId: string): Promise<string[]> {
  const a = recognitionApplications;
  const rows = await tx
    .select({ titleId: a.reviewedTitleId })
    .from(a)
    .where(and(eq(a.roundId, roundId), sql`${a.reviewedTitleId} is not null`, sql`${a.status} <> 'recognised'`));
  return rows.map((r) => r.titleId as string);
}
