import type { DbOrTx } from '../../db/database.js';
import { activeDistrictOfficers, activeEnterpriseUserIds, activeUserIds } from './users.repo.js';

// Who is told about what: the message senders of other modules find their recipients here (auth's
// users are read only through auth's repo). "Active" means not disabled.

/** The active users bound to this enterprise. */
export function enterpriseUserIds(db: DbOrTx, enterpriseId: string): Promise<string[]> {
  return activeUserIds(db, { role: 'enterprise', enterpriseId });
}

/** The active users of many enterprises (one query): enterprise id → user ids (absent: none). */
export function enterpriseUserIdsOf(db: DbOrTx, enterpriseIds: string[]): Promise<Map<string, string[]>> {
  return activeEnterpriseUserIds(db, [...new Set(enterpriseIds)]);
}

/** The active district administrators (区县工信部门) of this 区县 or functional zone. */
export function districtOfficerIds(db: DbOrTx, districtCode: string): Promise<string[]> {
  return activeUserIds(db, { role: 'district_admin', districtCode });
}

/** The active city administrators (市经信委). */
export function cityAdminIds(db: DbOrTx): Promise<string[]> {
  return activeUserIds(db, { role: 'city_admin' });
}

/** Every active district administrator with its 区县 or zone (a message to every district at once). */
export function allDistrictOfficers(db: DbOrTx): Promise<{ id: string; districtCode: string }[]> {
  return activeDistrictOfficers(db);
}
