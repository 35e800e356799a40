import { type Actor, type Role, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { usernameTaken } from './auth.errors.js';
import { checkPasswordPolicy, hashPassword } from './passwords.js';
import { type Binding, checkBinding } from './user-bindings.js';
import { findUserByUsername, insertUser } from './users.repo.js';

export interface CreateUserInput extends Binding {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  email?: string | null;
  mobile?: string | null;
}

export async function createUser(ctx: AppContext, actor: Actor | null, input: CreateUserInput) {
  const admin = requireAccess(actor, 'user.manage');
  const username = input.username.toLowerCase();
  checkPasswordPolicy(input.password, { username, demoMode: ctx.config.demoMode });
  const binding = await checkBinding(ctx, admin, input.role, input);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    if (await findUserByUsername(tx, username)) throw usernameTaken(username);
    const created = await insertUser(tx, {
      username,
      displayName: input.displayName,
      role: input.role,
      ...binding,
      email: input.email ?? null,
      mobile: input.mobile ?? null,
      passwordHash,
      // Chosen by the administrator: the user replaces it at the first login.
      passwordSetBy: 'admin',
    });
    await writeAudit(tx, admin, { action: 'user.create', entityType: 'user', entityId: created.id, after: created });
    return created;
  });
}
