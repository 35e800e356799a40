import type { Database } from '../../db/database.js';
import { writeAudit } from '../../server/audit.js';
import { AppError } from '../../server/errors.js';
import { username as usernameSchema } from './auth.schemas.js';
import { checkPasswordPolicy, hashPassword } from './passwords.js';
import { findUserByUsername, insertUser } from './users.repo.js';

export interface CreateAdminInput {
  username: string;
  displayName?: string;
  password: string;
}

/** The username (normalised) and the password policy, checked before anything is opened; returns the username. */
export function checkAdminInput(input: CreateAdminInput): string {
  const parsed = usernameSchema.safeParse(input.username);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 400, `用户名${parsed.error.issues[0]?.message ?? '不正确'}`, { field: 'username' });
  }
  const username = parsed.data.toLowerCase();
  checkPasswordPolicy(input.password, { username, demoMode: false });
  return username;
}

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
      throw new AppError('USERNAME_TAKEN', 409, `用户名 ${username} 已被使用`, { field: 'username' });
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
