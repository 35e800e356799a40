import { usernameInvalid } from './auth.errors.js';
import { username as usernameSchema } from './auth.schemas.js';
import { checkPasswordPolicy } from './passwords.js';

export interface CreateAdminInput {
  username: string;
  displayName?: string;
  password: string;
}

/** The username (normalised) and the password policy, checked before anything is opened; returns the username. */
export function checkAdminInput(input: CreateAdminInput): string {
  const parsed = usernameSchema.safeParse(input.username);
  if (!parsed.success) {
    throw usernameInvalid(parsed.error.issues[0]?.message ?? '不正确');
  }
  const username = parsed.data.toLowerCase();
  checkPasswordPolicy(input.password, { username, demoMode: false });
  return username;
}
