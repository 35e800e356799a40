import { and, asc, count, desc, eq, getTableColumns, gte, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { type BulkColumn, bulkInsert, bulkUpdate } from '../../db/bulk.js';
import type { DbOrTx } from '../../db/database.js';
import { escapeLike } from '../../db/like.js';
import { districts, enterpriseHonours, enterprises, enterpriseTitles, enterpriseYears, industries } from '../../db/schema/index.js';
import { todayInShanghai } from '../../domain/dates.js';
import { YEAR_FIELDS } from '../../domain/enterprise-rules.js';
import { SECTION_RANGES } from '../../domain/industry-sections.js';
import { characterPairs, normaliseForSearch } from '../../domain/name-search.js';
import type { Scope } from '../../server/access.js';
import { reachableEnterpriseIds } from '../../server/assigned-scope.js';
import { breather } from '../../server/responsive.js';
import type { ListQuery } from './enterprises.schemas.js';
import { holdsHonour, holdsTitle, reachedListingStage } from './registry-counts.repo.js';
import { titleHeldOn } from './title-views.repo.js';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type EnterpriseInsert = typeof enterprises.$inferInsert;
export type YearRow = typeof enterpriseYears.$inferSelect;

const NO_ENTERPRISE = '00000000-0000-0000-0000-000000000000';

/** The scope as a WHERE clause: every query on enterprises goes through it. */
export function enterpriseScopeCondition(scope: Scope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'district':
      return or(eq(enterprises.districtCode, scope.districtCode), eq(enterprises.zoneCode, scope.districtCode));
    case 'enterprise':
      return eq(enterprises.id, scope.enterpriseId);
    case 'assigned':
      return sql`${enterprises.id} in (${reachableEnterpriseIds(scope)})`;
    case 'none':
      return eq(enterprises.id, NO_ENTERPRISE);
  }
}

/** The ids of the enterprises in the scope, as a subquery (`x.enterprise_id in (…)`) for other modules' repos. */
export function enterpriseIdsInScope(scope: Scope): SQL {
  const where = enterpriseScopeCondition(scope);
  return where ? sql`select ${enterprises.id} from ${enterprises} where ${where}` : sql`select ${enterprises.id} from ${enterprises}`;
}

/**
 * The enterprises of some districts (registered there or in that functional zone) holding one of
 * the tiers, as a subquery of ids; `districtCodes` is a subquery of district codes. For the
 * assignment repos (an expert assigned to a district serves its 专精特新 enterprises).
 */
export function enterpriseIdsOfDistricts(districtCodes: SQL, tiers: readonly string[]): SQL {
  return sql`select e.id from enterprises e where e.current_tier in (${sql.join(
    tiers.map((t) => sql`${t}`),
    sql`, `,
  )}) and (e.district_code in (${districtCodes}) or e.zone_code in (${districtCodes}))`;
}

/** Names of some enterprises by id (display of ids the caller already holds). */
export function selectEnterpriseNames(db: DbOrTx, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: enterprises.id, name: enterprises.name, districtCode: enterprises.districtCode, currentTier: enterprises.currentTier })
    .from(enterprises)
    .where(sql`${enterprises.id} = any(${sql.param(ids)}::uuid[])`);
}

/** One enterprise, only if the scope covers it (the query returns nothing outside it). */
export async function selectEnterpriseInScope(db: DbOrTx, scope: Scope, id: string): Promise<EnterpriseRow | undefined> {
  const [row] = await db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, id), enterpriseScopeCondition(scope)));
  return row;
}

/** Name (any part, via the pair index) or the start of the USCC. */
function searchCondition(q: string): SQL | undefined {
  const normalised = normaliseForSearch(q);
  // Only punctuation: match it literally (it is in no name, usually).
  if (!normalised) return sql`${enterprises.name} like ${`%${escapeLike(q)}%`}`;
  const byUscc = /^[0-9a-z]{2,18}$/.test(normalised)
    ? and(gte(enterprises.uscc, normalised.toUpperCase()), lt(enterprises.uscc, `${normalised.toUpperCase()}~`))
    : undefined;
  const contains = sql`lower(${enterprises.name}) like ${`%${escapeLike(normalised)}%`}`;
  const pairs = characterPairs(normalised);
  // The GIN index narrows to names holding every pair; the LIKE keeps those where they are adjacent.
  const indexed = sql`${enterprises.searchVector} @@ plainto_tsquery('simple', ${pairs.join(' ')})`;
  // A two-character query is one pair: the index alone is exact, no LIKE needed.
  const byName = pairs.length === 1 && pairs[0].length === 2 ? indexed : pairs.length > 1 ? and(indexed, contains) : contains;
  return byUscc ? or(byUscc, byName) : byName;
}

function sectionCondition(section: string): SQL | undefined {
  const [from, to] = SECTION_RANGES[section];
  return and(gte(enterprises.industryCode, from), lte(enterprises.industryCode, to));
}

/** The enterprise holds a title on `today` (valid, not under 复核) whose validity ends on or before `by`. */
function titleExpiringCondition(today: string, by: string): SQL {
  return sql`exists (select 1 from enterprise_titles t where t.enterprise_id = ${enterprises.id} and t.status = 'valid'
    and ${titleHeldOn(today)} and t.valid_until <= ${by}::date)`;
}

export function listConditions(scope: Scope, filter: Partial<ListQuery>): SQL | undefined {
  const conditions: (SQL | undefined)[] = [enterpriseScopeCondition(scope)];
  if (filter.q) conditions.push(searchCondition(filter.q));
  if (filter.district) conditions.push(or(eq(enterprises.districtCode, filter.district), eq(enterprises.zoneCode, filter.district)));
  if (filter.zone) conditions.push(eq(enterprises.zoneCode, filter.zone));
  if (filter.tier) conditions.push(filter.tier === 'none' ? isNull(enterprises.currentTier) : eq(enterprises.currentTier, filter.tier));
  // The day the holding filters look at (目标考核 reads a past year at its 31 December).
  const day = filter.on ?? todayInShanghai();
  if (filter.title) conditions.push(holdsTitle(filter.title, day, filter.titleSince));
  if (filter.honour) conditions.push(holdsHonour(filter.honour, day, filter.honourSince));
  if (filter.listingStage) conditions.push(reachedListingStage(filter.listingStage, day, filter.listingSince));
  if (filter.titleExpiresBy) conditions.push(titleExpiringCondition(todayInShanghai(), filter.titleExpiresBy));
  if (filter.industry) {
    conditions.push(/^[A-T]$/.test(filter.industry) ? sectionCondition(filter.industry) : eq(enterprises.industryCode, filter.industry));
  }
  if (filter.cluster) conditions.push(eq(enterprises.clusterCode, filter.cluster));
  if (filter.size) conditions.push(eq(enterprises.sizeClass, filter.size));
  if (filter.establishedFrom) conditions.push(gte(enterprises.establishedOn, `${filter.establishedFrom}-01-01`));
  if (filter.establishedTo) conditions.push(lt(enterprises.establishedOn, `${filter.establishedTo + 1}-01-01`));
  return and(...conditions.filter((c): c is SQL => c !== undefined));
}

export const listColumns = {
  id: enterprises.id,
  uscc: enterprises.uscc,
  name: enterprises.name,
  districtCode: enterprises.districtCode,
  districtName: districts.name,
  zoneCode: enterprises.zoneCode,
  industryCode: enterprises.industryCode,
  industryName: industries.name,
  clusterCode: enterprises.clusterCode,
  establishedOn: enterprises.establishedOn,
  sizeClass: enterprises.sizeClass,
  currentTier: enterprises.currentTier,
  latestYear: enterprises.latestYear,
  latestRevenue: enterprises.latestRevenue,
  version: enterprises.version,
};

function orderOf(sort: ListQuery['sort']) {
  switch (sort) {
    case '-name':
      return [desc(enterprises.name), asc(enterprises.id)];
    case 'established':
      return [sql`${enterprises.establishedOn} asc nulls last`, asc(enterprises.id)];
    case '-established':
      return [sql`${enterprises.establishedOn} desc nulls last`, asc(enterprises.id)];
    case 'revenue':
      return [sql`${enterprises.latestRevenue} asc nulls last`, asc(enterprises.id)];
    case '-revenue':
      return [sql`${enterprises.latestRevenue} desc nulls last`, asc(enterprises.id)];
    case 'updated':
      return [asc(enterprises.updatedAt), asc(enterprises.id)];
    case '-updated':
      return [desc(enterprises.updatedAt), asc(enterprises.id)];
    default:
      return [asc(enterprises.name), asc(enterprises.id)];
  }
}

export async function selectEnterprisePage(db: DbOrTx, scope: Scope, filter: ListQuery) {
  const where = listConditions(scope, filter);
  const [items, [{ total }]] = await Promise.all([
    db
      .select(listColumns)
      .from(enterprises)
      .innerJoin(districts, eq(districts.code, enterprises.districtCode))
      .leftJoin(industries, eq(industries.code, enterprises.industryCode))
      .where(where)
      .orderBy(...orderOf(filter.sort))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(enterprises).where(where),
  ]);
  return { items, total };
}

export async function selectEnterpriseById(db: DbOrTx, id: string): Promise<EnterpriseRow | undefined> {
  const rows = await db.select().from(enterprises).where(eq(enterprises.id, id)).limit(1);
  return rows[0];
}

export async function selectEnterpriseByUscc(db: DbOrTx, uscc: string): Promise<EnterpriseRow | undefined> {
  const rows = await db.select().from(enterprises).where(eq(enterprises.uscc, uscc)).limit(1);
  return rows[0];
}

export function selectYears(db: DbOrTx, enterpriseId: string) {
  return db.select().from(enterpriseYears).where(eq(enterpriseYears.enterpriseId, enterpriseId)).orderBy(desc(enterpriseYears.year));
}

export function selectTitles(db: DbOrTx, enterpriseId: string) {
  return db
    .select()
    .from(enterpriseTitles)
    .where(eq(enterpriseTitles.enterpriseId, enterpriseId))
    .orderBy(desc(enterpriseTitles.recognisedOn));
}

export function selectHonours(db: DbOrTx, enterpriseId: string) {
  return db
    .select()
    .from(enterpriseHonours)
    .where(eq(enterpriseHonours.enterpriseId, enterpriseId))
    .orderBy(desc(enterpriseHonours.obtainedOn));
}

export async function insertEnterprise(db: DbOrTx, values: EnterpriseInsert): Promise<EnterpriseRow> {
  const [row] = await db.insert(enterprises).values(values).returning();
  return row;
}

/** Updates only if the version still matches; undefined means someone else changed it first. */
export async function updateEnterpriseVersioned(db: DbOrTx, id: string, version: number, values: Partial<EnterpriseInsert>) {
  const [row] = await db
    .update(enterprises)
    .set({ ...values, version: sql`${enterprises.version} + 1`, updatedAt: new Date() })
    .where(and(eq(enterprises.id, id), eq(enterprises.version, version)))
    .returning();
  return row;
}

export async function upsertYears(db: DbOrTx, enterpriseId: string, years: Omit<typeof enterpriseYears.$inferInsert, 'enterpriseId'>[]) {
  if (!years.length) return;
  const rows = years.map((y) => ({ ...y, enterpriseId, updatedAt: new Date() }));
  await db
    .insert(enterpriseYears)
    .values(rows)
    .onConflictDoUpdate({
      target: [enterpriseYears.enterpriseId, enterpriseYears.year],
      set: Object.fromEntries(
        Object.keys(rows[0])
          .filter((k) => k !== 'enterpriseId' && k !== 'year')
          .map((k) => [k, sql.raw(`excluded.${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`)]),
      ),
    });
}

export async function selectEnterprisesByUscc(db: DbOrTx, usccs: string[]): Promise<EnterpriseRow[]> {
  const out: EnterpriseRow[] = [];
  for (let i = 0; i < usccs.length; i += 10_000) {
    out.push(
      ...(await db
        .select()
        .from(enterprises)
        .where(sql`${enterprises.uscc} = any(${sql.param(usccs.slice(i, i + 10_000))}::text[])`)),
    );
  }
  return out;
}

/** Which of these codes are registered (only those come back: cheap when few are). */
export async function selectRegisteredUsccs(db: DbOrTx, usccs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < usccs.length; i += 20_000) {
    const rows = await db
      .select({ uscc: enterprises.uscc })
      .from(enterprises)
      .where(sql`${enterprises.uscc} = any(${sql.param(usccs.slice(i, i + 20_000))}::text[])`);
    for (const r of rows) out.push(r.uscc);
    await breather();
  }
  return out;
}

/** The version of each of these enterprises (absent ones are missing from the map). */
export async function selectVersionsOf(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 20_000) {
    const rows = await db
      .select({ id: enterprises.id, version: enterprises.version })
      .from(enterprises)
      .where(sql`${enterprises.id} = any(${sql.param(ids.slice(i, i + 20_000))}::uuid[])`);
    for (const r of rows) out.set(r.id, r.version);
    await breather();
  }
  return out;
}

export async function selectYearsOf(db: DbOrTx, ids: string[]): Promise<YearRow[]> {
  const out: YearRow[] = [];
  for (let i = 0; i < ids.length; i += 10_000) {
    out.push(
      ...(await db
        .select()
        .from(enterpriseYears)
        .where(sql`${enterpriseYears.enterpriseId} = any(${sql.param(ids.slice(i, i + 10_000))}::uuid[])`)),
    );
  }
  return out;
}

/** Columns of a year row for bulk inserts (registry import, monitoring prefill): one list, one order. */
export const YEAR_COLUMNS: BulkColumn[] = [
  { name: 'enterprise_id', type: 'uuid' },
  { name: 'year', type: 'int4' },
  ...YEAR_FIELDS.map((f) => ({
    name: f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
    type: f === 'employees' || f === 'rdStaff' ? ('int4' as const) : ('int8' as const),
  })),
];
export const yearValues = (y: YearRow) => [y.enterpriseId, y.year, ...YEAR_FIELDS.map((f) => y[f] ?? null)];
/** A bulk insert of year rows replaces every figure of a row already there. */
export const YEARS_ON_CONFLICT = `on conflict (enterprise_id, year) do update set ${YEAR_COLUMNS.slice(2)
  .map((c) => `${c.name} = excluded.${c.name}`)
  .join(', ')}, updated_at = now()`;

/** Enterprises by id, many at once (absent ones are missing). */
export async function selectEnterprisesByIds(db: DbOrTx, ids: string[]): Promise<EnterpriseRow[]> {
  const out: EnterpriseRow[] = [];
  for (let i = 0; i < ids.length; i += 10_000) {
    out.push(
      ...(await db
        .select()
        .from(enterprises)
        .where(sql`${enterprises.id} = any(${sql.param(ids.slice(i, i + 10_000))}::uuid[])`)),
    );
  }
  return out;
}

/**
 * Many enterprises' year rows written at once (whole rows: every figure of the year) and their
 * derived columns (latest year, its revenue, size class) set with the version moved on.
 */
export async function writeYearsAndDerived(
  tx: DbOrTx,
  years: YearRow[],
  derived: { id: string; latestYear: number | null; latestRevenue: number | null; sizeClass: string | null }[],
): Promise<void> {
  await bulkInsert(tx, 'enterprise_years', YEAR_COLUMNS, years.map(yearValues), { onConflict: YEARS_ON_CONFLICT });
  await bulkUpdate(
    tx,
    'enterprises',
    { name: 'id', type: 'uuid' },
    [
      { name: 'latest_year', type: 'int4' },
      { name: 'latest_revenue', type: 'int8' },
      { name: 'size_class', type: 'text' },
    ],
    derived.map((d) => [d.id, d.latestYear, d.latestRevenue, d.sizeClass]),
    { extraSet: 'version = e.version + 1, updated_at = now()' },
  );
}

/** Columns of a title row for bulk inserts (demo data, title-list import): one list, one order. */
export const TITLE_BULK_COLUMNS: BulkColumn[] = [
  { name: 'enterprise_id', type: 'uuid' },
  { name: 'tier', type: 'text' },
  { name: 'level', type: 'text' },
  { name: 'batch', type: 'text' },
  { name: 'recognised_on', type: 'date' },
  { name: 'valid_until', type: 'date' },
  { name: 'status', type: 'text' },
  { name: 'certificate_no', type: 'text' },
];

/** Columns of an enterprise row for bulk inserts and updates (import, demo data): one list, one order. */
export const ENTERPRISE_BULK_COLUMNS: BulkColumn[] = [
  { name: 'uscc', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'district_code', type: 'text' },
  { name: 'zone_code', type: 'text' },
  { name: 'industry_code', type: 'text' },
  { name: 'sector', type: 'text' },
  { name: 'cluster_code', type: 'text' },
  { name: 'established_on', type: 'date' },
  { name: 'registered_capital', type: 'int8' },
  { name: 'legal_representative', type: 'text' },
  { name: 'address', type: 'text' },
  { name: 'main_product', type: 'text' },
  { name: 'niche_market', type: 'text' },
  { name: 'niche_entry_year', type: 'int4' },
  { name: 'listing_status', type: 'text' },
  { name: 'contact_name', type: 'text' },
  { name: 'contact_phone', type: 'text' },
  { name: 'size_class', type: 'text' },
  { name: 'latest_year', type: 'int4' },
  { name: 'latest_revenue', type: 'int8' },
  { name: 'search_text', type: 'text' },
];

/**
 * Fresh statistics for the registry after a large import, a few columns per statement so that each
 * stays short (on PGlite every statement holds the thread that serves all requests; item 12).
 * `facts` is left out: its jsonb statistics cost half of the whole analyze, and no list plans on them.
 */
export async function* analyzeEnterprises(db: DbOrTx, columnsPerStatement = 4): AsyncGenerator<void> {
  const columns = Object.values(getTableColumns(enterprises))
    .map((c) => c.name)
    .filter((name) => name !== 'facts');
  for (let i = 0; i < columns.length; i += columnsPerStatement) {
    await db.execute(sql.raw(`analyze enterprises (${columns.slice(i, i + columnsPerStatement).join(', ')})`));
    yield;
  }
}
