// Titles (梯度称号) as the recognition workflow writes them: granted at the announcement, ended when a
// 复核 passed or the validity ran out, revoked by the city. The registry's table stays behind these
// functions; the recognition module calls them with its transaction. Every write keeps the
// enterprises' current tier (enterprises.current_tier) in step with their titles.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { rowsOf } from '../../db/rows.js';
import { enterprises, enterpriseTitles } from '../../db/schema/index.js';
import { TIERS } from '../../domain/enterprise-rules.js';
import type { Scope } from '../../server/access.js';
import { enterpriseIdsInScope } from './enterprises.repo.js';

export type TitleRow = typeof enterpriseTitles.$inferSelect;

/** Statuses in which a title counts as held (a title under 复核 stays valid until the result). */
export const HELD_TITLE_STATUSES = ['valid', 'under_review'] as const;

const TIER_ORDER = sql.raw(`array[${TIERS.map((t) => `'${t}'`).join(',')}]`);

/** The titles granted by one announcement: same tier, level, dates and document number for all. */
export interface RecognisedTitles {
  tier: string;
  level: 'municipal' | 'national';
  recognisedOn: string;
  validUntil: string;
  documentNo: string;
  /** Certificate numbers are `${prefix}${00001…}`, continuing the highest number with this prefix. */
  certificatePrefix: string;
  /** In certificate order. */
  items: { enterpriseId: string; applicationId: string }[];
}

/**
 * Inserts the titles of an announcement in one statement and numbers their certificates after the
 * highest existing one of the prefix (numbering serialised per prefix by a transaction lock).
 */
export async function insertRecognisedTitles(
  tx: DbOrTx,
  t: RecognisedTitles,
): Promise<{ id: string; applicationId: string; enterpriseId: string; certificateNo: string }[]> {
  if (!t.items.length) return [];
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`certificate:${t.certificatePrefix}`}))`);
  const pattern = `^${t.certificatePrefix.replace(/[^A-Za-z0-9]/g, (c) => `\\${c}`)}[0-9]+$`;
  const rows = await tx.execute(sql`
    with base as (
      select coalesce(max(substring(certificate_no from ${t.certificatePrefix.length + 1})::int), 0) as n
      from enterprise_titles where certificate_no ~ ${pattern}
    )
    insert into enterprise_titles
      (enterprise_id, tier, level, recognised_on, valid_until, status, certificate_no, document_no, application_id, source)
    select i.enterprise_id, ${t.tier}, ${t.level}, ${t.recognisedOn}::date, ${t.validUntil}::date, 'valid',
           ${t.certificatePrefix} || lpad((base.n + i.ord)::text, 5, '0'), ${t.documentNo}, i.application_id, 'recognition'
    from unnest(${sql.param(t.items.map((i) => i.enterpriseId))}::uuid[], ${sql.param(t.items.map((i) => i.applicationId))}::uuid[])
         with ordinality as i(enterprise_id, application_id, ord)
    cross join base
    returning id, application_id, enterprise_id, certificate_no`);
  return rowsOf<{ id: string; application_id: string; enterprise_id: string; certificate_no: string }>(rows).map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    enterpriseId: r.enterprise_id,
    certificateNo: r.certificate_no,
  }));
}

/** The enterprises among `ids` that already hold a title of `tier` recognised on `recognisedOn` (one per tier and date). */
export async function selectTitleClashes(db: DbOrTx, enterpriseIds: string[], tier: string, recognisedOn: string): Promise<string[]> {
  if (!enterpriseIds.length) return [];
  const rows = await db
    .select({ enterpriseId: enterpriseTitles.enterpriseId })
    .from(enterpriseTitles)
    .where(
      and(
        sql`${enterpriseTitles.enterpriseId} = any(${sql.param(enterpriseIds)}::uuid[])`,
        eq(enterpriseTitles.tier, tier),
        eq(enterpriseTitles.recognisedOn, recognisedOn),
      ),
    );
  return rows.map((r) => r.enterpriseId);
}

/** A 复核 passed: the reviewed titles end the day before the new ones start (status expired, ended_on). */
export async function endReviewedTitles(tx: DbOrTx, titleIds: string[], endedOn: string): Promise<void> {
  if (!titleIds.length) return;
  await tx.execute(sql`
    update enterprise_titles set status = 'expired', ended_on = ${endedOn}::date
    where id = any(${sql.param(titleIds)}::uuid[]) and status in ('valid', 'under_review')`);
}

/**
 * A 复核 that did not pass (or never reached the announcement): the titles leave `under_review`,
 * valid again until their own end, or expired if that end has passed.
 */
export async function releaseReviewedTitles(tx: DbOrTx, titleIds: string[], on: string): Promise<void> {
  if (!titleIds.length) return;
  await tx.execute(sql`
    update enterprise_titles
    set status = case when valid_until is null or valid_until >= ${on}::date then 'valid' else 'expired' end,
        ended_on = case when valid_until is null or valid_until >= ${on}::date then null else valid_until end
    where id = any(${sql.param(titleIds)}::uuid[]) and status = 'under_review'`);
}

/** A 复核 application was submitted: its title is under review (still held) until the result. */
export async function markTitleUnderReview(tx: DbOrTx, titleId: string): Promise<boolean> {
  const rows = await tx
    .update(enterpriseTitles)
    .set({ status: 'under_review' })
    .where(and(eq(enterpriseTitles.id, titleId), eq(enterpriseTitles.status, 'valid')))
    .returning({ id: enterpriseTitles.id });
  return rows.length > 0;
}

/**
 * The current tier of each enterprise: its highest title held on `today` (valid, or under 复核 whatever
 * its end: it stays valid until the result). Only enterprises whose
 * tier changes are written (version bumped, as any registry change).
 */
export async function refreshCurrentTiers(tx: DbOrTx, enterpriseIds: string[], today: string): Promise<void> {
  if (!enterpriseIds.length) return;
  await tx.execute(sql`
    update enterprises e set current_tier = n.tier, version = e.version + 1, updated_at = now()
    from (
      select x.id, (
        select t.tier from enterprise_titles t
        where t.enterprise_id = x.id and (t.status = 'under_review' or (t.status = 'valid' and (t.valid_until is null or t.valid_until >= ${today}::date)))
        order by array_position(${TIER_ORDER}, t.tier) desc limit 1
      ) as tier
      from unnest(${sql.param([...new Set(enterpriseIds)])}::uuid[]) as x(id)
    ) n
    where e.id = n.id and e.current_tier is distinct from n.tier`);
}

/** One title of one enterprise (undefined when the title is not that enterprise's). */
export async function selectTitleOf(db: DbOrTx, enterpriseId: string, titleId: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(enterpriseTitles)
    .where(and(eq(enterpriseTitles.id, titleId), eq(enterpriseTitles.enterpriseId, enterpriseId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row as TitleRow | undefined;
}

/** Revokes a title unless it is revoked already (undefined then). */
export async function revokeTitleRow(
  tx: DbOrTx,
  titleId: string,
  values: { revokedOn: string; revocationCategory: string; revocationReason: string; revokedBy: string },
): Promise<TitleRow | undefined> {
  const [row] = await tx
    .update(enterpriseTitles)
    .set({ ...values, status: 'revoked' })
    .where(and(eq(enterpriseTitles.id, titleId), sql`${enterpriseTitles.status} <> 'revoked'`))
    .returning();
  return row;
}

/** Revokes every other title the enterprise still holds (valid or under 复核), with the same facts. */
export async function revokeOtherHeldTitles(
  tx: DbOrTx,
  enterpriseId: string,
  exceptTitleId: string,
  values: { revokedOn: string; revocationCategory: string; revocationReason: string; revokedBy: string },
): Promise<TitleRow[]> {
  return tx
    .update(enterpriseTitles)
    .set({ ...values, status: 'revoked' })
    .where(
      and(
        eq(enterpriseTitles.enterpriseId, enterpriseId),
        sql`${enterpriseTitles.id} <> ${exceptTitleId}`,
        sql`${enterpriseTitles.status} in ('valid', 'under_review')`,
      ),
    )
    .returning();
}

/** The revoked titles of an enterprise, latest revocation first (bans). */
export function selectRevokedTitles(db: DbOrTx, enterpriseId: string) {
  return db
    .select({
      id: enterpriseTitles.id,
      tier: enterpriseTitles.tier,
      revokedOn: enterpriseTitles.revokedOn,
      revocationCategory: enterpriseTitles.revocationCategory,
    })
    .from(enterpriseTitles)
    .where(and(eq(enterpriseTitles.enterpriseId, enterpriseId), eq(enterpriseTitles.status, 'revoked')))
    .orderBy(desc(enterpriseTitles.revokedOn));
}

/** The validity ran out: `valid` titles whose validUntil is before today become expired. Returns them. */
export async function expireTitles(tx: DbOrTx, today: string): Promise<{ id: string; enterpriseId: string; validUntil: string | null }[]> {
  const rows = await tx
    .update(enterpriseTitles)
    .set({ status: 'expired', endedOn: sql`${enterpriseTitles.validUntil}` })
    .where(and(eq(enterpriseTitles.status, 'valid'), sql`${enterpriseTitles.validUntil} < ${today}::date`))
    .returning({ id: enterpriseTitles.id, enterpriseId: enterpriseTitles.enterpriseId, validUntil: enterpriseTitles.validUntil });
  return rows;
}

/** 小巨人: the titles of `tier` these enterprises hold that were recognised on or after `since` (MIIT's imported list). */
export function selectTitlesRecognisedSince(db: DbOrTx, enterpriseIds: string[], tier: string, since: string) {
  if (!enterpriseIds.length) return Promise.resolve([]);
  return db
    .select({ id: enterpriseTitles.id, enterpriseId: enterpriseTitles.enterpriseId, recognisedOn: enterpriseTitles.recognisedOn })
    .from(enterpriseTitles)
    .where(
      and(
        sql`${enterpriseTitles.enterpriseId} = any(${sql.param(enterpriseIds)}::uuid[])`,
        eq(enterpriseTitles.tier, tier),
        sql`${enterpriseTitles.status} in ('valid', 'under_review')`,
        sql`${enterpriseTitles.recognisedOn} >= ${since}::date`,
      ),
    )
    .orderBy(desc(enterpriseTitles.recognisedOn));
}

/** 复核 cohort: the held titles of a tier whose validity ends in `year`, with their enterprises. */
export function selectReviewCohort(db: DbOrTx, tier: string, year: number) {
  return db
    .select({ id: enterpriseTitles.id, enterpriseId: enterpriseTitles.enterpriseId, validUntil: enterpriseTitles.validUntil })
    .from(enterpriseTitles)
    .where(
      and(
        eq(enterpriseTitles.tier, tier),
        sql`${enterpriseTitles.status} in ('valid', 'under_review')`,
        sql`${enterpriseTitles.validUntil} between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date`,
      ),
    );
}

/**
 * Enterprises that may apply for a new title of `tier` (the opening message's precheck): a small or
 * medium enterprise (size class known, not large) holding exactly the tier below as its current
 * tier (none for 创新型). The full check runs at submission.
 */
export async function selectOpeningCandidates(db: DbOrTx, tier: string): Promise<string[]> {
  const below = TIERS[TIERS.indexOf(tier as (typeof TIERS)[number]) - 1];
  const rows = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(
      and(
        sql`${enterprises.sizeClass} in ('medium', 'small', 'micro')`,
        below ? eq(enterprises.currentTier, below) : sql`${enterprises.currentTier} is null`,
      ),
    );
  return rows.map((r) => r.id);
}

/** The titles an enterprise holds on `today`: valid with the validity not over, or under 复核 (valid until the result). */
export function selectHeldTitles(db: DbOrTx, enterpriseId: string, today: string) {
  return db
    .select({
      id: enterpriseTitles.id,
      tier: enterpriseTitles.tier,
      status: enterpriseTitles.status,
      validUntil: enterpriseTitles.validUntil,
    })
    .from(enterpriseTitles)
    .where(
      and(
        eq(enterpriseTitles.enterpriseId, enterpriseId),
        sql`(${enterpriseTitles.status} = 'under_review' or (${enterpriseTitles.status} = 'valid' and (${enterpriseTitles.validUntil} is null or ${enterpriseTitles.validUntil} >= ${today}::date)))`,
      ),
    );
}

/** Whether the title belongs to an enterprise in the scope (one scoped query: nothing outside it). */
export async function titleInScope(db: DbOrTx, scope: Scope, titleId: string): Promise<boolean> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(titleId)) return false;
  const rows = await db
    .select({ id: enterpriseTitles.id })
    .from(enterpriseTitles)
    .where(and(eq(enterpriseTitles.id, titleId), sql`${enterpriseTitles.enterpriseId} in (${enterpriseIdsInScope(scope)})`));
  return rows.length > 0;
}
