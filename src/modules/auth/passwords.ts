import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { passwordTooWeak } from './auth.errors.js';
import type { PasswordSetBy } from './sessions.repo.js';

/** The password of the demo accounts, published in README: accepted only in demo mode. */
export const DEMO_PASSWORD = 'Zjtx-demo-2026';

/** argon2id with the library's defaults (19 MiB, 2 passes): OWASP's minimum recommendation. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing in particular: verified against when the user does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash('zjtx-no-such-user');
  return dummyHash;
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

let common: Set<string> | undefined;
/** The shipped list of common passwords, lower-case (read once). */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line && !line.startsWith('#')),
  );
  return common;
}

export interface PasswordPolicyContext {
  /** The account's username: the password may not contain it. */
  username?: string;
  /** In demo mode the published demo password is allowed. */
  demoMode: boolean;
  /** The request field the message belongs to. */
  field?: string;
}

/** The rule a password breaks, with its message; undefined if it is acceptable. */
export function passwordProblem(password: string, context: PasswordPolicyContext): { rule: string; message: string } | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    return { rule: 'length', message: `密码须为 ${PASSWORD_MIN}～${PASSWORD_MAX} 个字符` };
  }
  if (password !== password.trim()) return { rule: 'whitespace', message: '密码首尾不能有空格' };
  // Control and invisible format characters (bidi overrides, zero-width) cannot be typed back reliably.
  if (/[\p{Cc}\p{Cf}]/u.test(password)) return { rule: 'control', message: '密码不能包含控制字符或不可见字符' };
  const lower = password.toLowerCase();
  const username = context.username?.trim().toLowerCase();
  if (username && lower.includes(username)) return { rule: 'username', message: '密码不能包含用户名' };
  if (commonPasswords().has(lower) || (!context.demoMode && lower === DEMO_PASSWORD.toLowerCase())) {
    return { rule: 'common', message: '该密码过于常见，容易被猜中，请换一个' };
  }
  return undefined;
}

/** At least 10 characters, not padded with spaces, no control characters, not the username, not a common password. */
export function checkPasswordPolicy(password: string, context: PasswordPolicyContext): void {
  const problem = passwordProblem(password, context);
  if (problem) {
    throw passwordTooWeak(problem.message, context.field ?? 'password', problem.rule);
  }
}

/** Whether a password someone else chose must be replaced before the user may do anything else. */
export function mustChangePassword(passwordSetBy: PasswordSetBy, demoMode: boolean): boolean {
  return passwordSetBy === 'admin' || (passwordSetBy === 'demo' && !demoMode);
}
