import type { Database } from '../../db/database.js';
import { writeAudit } from '../../server/audit.js';
import { usernameTaken } from './auth.errors.js';
import { type CreateAdminInput, checkAdminInput } from './check-admin-input.js';
import { hashPassword } from './passwords.js';
import { findUserByUsername, insertUser } from './users.repo.js';

/**
 * A city administrator made from the command line (`npm run admin:create`), typically the first one
 * of a production install. The password is the administrator's own, so no change is forced; the
 * published demo password is refused even in demo mode.
 */
export async function createAdmin(database: Database, input: CreateAdminInput) {
  const username = checkAdminInput(input);
  const passwordHash = await hashPassword(input.password);
  return database.db.transaction(async (tx) => {
    if (await findUserByUsername(tx, username)) {
      throw usernameTaken(username);
    }
    const created = await insertUser(tx, {
      username,
      displayName: input.displayName?.trim() || '市经信委管理员',
      role: 'city_admin',
      passwordHash,
      passwordSetBy: 'self',
    });
    await writeAudit(tx, null, {
      action: 'user.create',
      entityType: 'user',
      entityId: created.id,
      after: { ...created, via: 'admin:create' },
    });
    return created;
  });
}
