import { and, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { containsPattern } from '../../db/like.js';
import { districts, enterprises, users } from '../../db/schema/index.js';
import type { Role } from '../../domain/roles.js';
import { accountLockedUntil } from './login-attempts.repo.js';

export type UserRow = typeof users.$inferSelect;

/** The columns anyone but the login check may see: never the hash. */
export const publicUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  districtCode: users.districtCode,
  enterpriseId: users.enterpriseId,
  organization: users.organization,
  email: users.email,
  mobile: users.mobile,
  disabled: users.disabled,
  lockedUntil: accountLockedUntil,
  lastLoginAt: users.lastLoginAt,
  version: users.version,
  createdAt: users.createdAt,
};

export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.username, username.toLowerCase())).limit(1);
  return rows[0];
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

export async function recordSuccessfulLogin(db: DbOrTx, userId: string): Promise<void> {
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
}

export interface UserFilter {
  q?: string;
  role?: Role;
  districtCode?: string;
  page: number;
  pageSize: number;
}

export async function listUsers(db: DbOrTx, filter: UserFilter) {
  const conditions: SQL[] = [];
  if (filter.q) {
    const like = containsPattern(filter.q);
    const match = or(ilike(users.username, like), ilike(users.displayName, like), ilike(users.organization, like));
    if (match) conditions.push(match);
  }
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.districtCode) conditions.push(eq(users.districtCode, filter.districtCode));
  const where = conditions.length ? and(...conditions) : undefined;
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ ...publicUserColumns, districtName: districts.name, enterpriseName: enterprises.name })
      .from(users)
      .leftJoin(districts, eq(districts.code, users.districtCode))
      .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
      .where(where)
      .orderBy(desc(users.createdAt), users.username)
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { items, total };
}

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert) {
  const rows = await db.insert(users).values(values).returning(publicUserColumns);
  return rows[0];
}

/** Updates only if the version still matches; undefined means someone else changed it first. */
export async function updateUserVersioned(db: DbOrTx, id: string, version: number, values: Partial<typeof users.$inferInsert>) {
  const rows = await db
    .update(users)
    .set({ ...values, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning(publicUserColumns);
  return rows[0];
}

/** Ids of the users that are not disabled and match every given binding (message recipients). */
export async function activeUserIds(db: DbOrTx, where: { role?: Role; enterpriseId?: string; districtCode?: string }): Promise<string[]> {
  const conditions: SQL[] = [eq(users.disabled, false)];
  if (where.role) conditions.push(eq(users.role, where.role));
  if (where.enterpriseId) conditions.push(eq(users.enterpriseId, where.enterpriseId));
  if (where.districtCode) conditions.push(eq(users.districtCode, where.districtCode));
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(...conditions))
    .orderBy(users.id);
  return rows.map((r) => r.id);
}

/** The active enterprise users of many enterprises at once (one query), as enterprise id → user ids. */
export async function activeEnterpriseUserIds(db: DbOrTx, enterpriseIds: string[]): Promise<Map<string, string[]>> {
  const byEnterprise = new Map<string, string[]>();
  if (enterpriseIds.length === 0) return byEnterprise;
  const rows = await db
    .select({ id: users.id, enterpriseId: users.enterpriseId })
    .from(users)
    .where(
      and(eq(users.disabled, false), eq(users.role, 'enterprise'), sql`${users.enterpriseId} = any(${sql.param(enterpriseIds)}::uuid[])`),
    )
    .orderBy(users.id);
  for (const r of rows) if (r.enterpriseId) byEnterprise.set(r.enterpriseId, [...(byEnterprise.get(r.enterpriseId) ?? []), r.id]);
  return byEnterprise;
}

/** Where the outbox reaches these users (name, e-mail, mobile), and whether they are disabled. */
export async function userContacts(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      email: users.email,
      mobile: users.mobile,
      disabled: users.disabled,
    })
    .from(users)
    .where(inArray(users.id, ids));
}

/** Every active district administrator with the 区县 or zone it serves (one query; message recipients). */
export async function activeDistrictOfficers(db: DbOrTx): Promise<{ id: string; districtCode: string }[]> {
  const rows = await db
    .select({ id: users.id, districtCode: users.districtCode })
    .from(users)
    .where(and(eq(users.disabled, false), eq(users.role, 'district_admin')))
    .orderBy(users.id);
  return rows.flatMap((r) => (r.districtCode ? [{ id: r.id, districtCode: r.districtCode }] : []));
}
