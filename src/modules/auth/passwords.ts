import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../server/errors.js';

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

/** At least 10 characters and three of: lower case, upper case, digits, symbols. */
export function checkPasswordPolicy(password: string): void {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (password.length < 10 || password.length > 128 || classes < 3) {
    throw new AppError('PASSWORD_TOO_WEAK', 400, '密码须为 10～128 个字符，且至少包含大写字母、小写字母、数字、符号中的三类', {
      field: 'password',
    });
  }
}
