import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { containsPattern, escapeLike } from '../../db/like.js';
import { districts, enterprises } from '../../db/schema/index.js';
import type { Scope } from '../../server/access.js';

/** The scope as a WHERE clause: every query on enterprises goes through it. */
export function enterpriseScopeCondition(scope: Scope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'district':
      return or(eq(enterprises.districtCode, scope.districtCode), eq(enterprises.zoneCode, scope.districtCode));
    case 'enterprise':
      return eq(enterprises.id, scope.enterpriseId);
    case 'none':
      return eq(enterprises.id, '00000000-0000-0000-0000-000000000000');
  }
}

const listColumns = {
  id: enterprises.id,
  uscc: enterprises.uscc,
  name: enterprises.name,
  districtCode: enterprises.districtCode,
  districtName: districts.name,
  zoneCode: enterprises.zoneCode,
  industryCode: enterprises.industryCode,
  establishedOn: enterprises.establishedOn,
  version: enterprises.version,
};

export async function selectEnterprises(
  db: DbOrTx,
  scope: Scope,
  filter: { q?: string; district?: string; page: number; pageSize: number },
) {
  const conditions = [enterpriseScopeCondition(scope)];
  if (filter.q) {
    const like = containsPattern(filter.q);
    conditions.push(or(ilike(enterprises.name, like), ilike(enterprises.uscc, `${escapeLike(filter.q.toUpperCase())}%`)));
  }
  if (filter.district) {
    conditions.push(or(eq(enterprises.districtCode, filter.district), eq(enterprises.zoneCode, filter.district)));
  }
  const where = and(...conditions.filter((c): c is SQL => c !== undefined));
  const [items, [{ total }]] = await Promise.all([
    db
      .select(listColumns)
      .from(enterprises)
      .innerJoin(districts, eq(districts.code, enterprises.districtCode))
      .where(where)
      .orderBy(asc(enterprises.name))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(enterprises).where(where),
  ]);
  return { items, total };
}

export async function selectEnterpriseById(db: DbOrTx, id: string) {
  const rows = await db
    .select(listColumns)
    .from(enterprises)
    .innerJoin(districts, eq(districts.code, enterprises.districtCode))
    .where(eq(enterprises.id, id))
    .limit(1);
  return rows[0];
}
