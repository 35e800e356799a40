import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import { checkPasswordPolicy, DEMO_PASSWORD, hashPassword, passwordProblem, verifyPassword } from './passwords.js';

const demo = { demoMode: true };
const production = { demoMode: false };

describe('password policy', () => {
  it.each(['abcdefgH12', 'ABCDEFGH1!', '重庆Zjtx-2026x', 'correct horse battery', 'Wanzhou-pass-2026'])('accepts %s', (p) => {
    expect(passwordProblem(p, production)).toBeUndefined();
  });

  it.each([
    ['Abcdefgh1', 'length', '密码须为 10～128 个字符'],
    ['short1A!', 'length', '密码须为 10～128 个字符'],
    ['x'.repeat(129), 'length', '密码须为 10～128 个字符'],
    [' Padded-pass-2026', 'whitespace', '密码首尾不能有空格'],
    ['Padded-pass-2026 ', 'whitespace', '密码首尾不能有空格'],
    ['Tab\tinside-2026', 'control', '密码不能包含控制字符或不可见字符'],
    ['Bidi\u202Einside-2026', 'control', '密码不能包含控制字符或不可见字符'],
    ['Password123', 'common', '该密码过于常见，容易被猜中，请换一个'],
    ['QWERTYUIOP', 'common', '该密码过于常见，容易被猜中，请换一个'],
    ['woaini1314', 'common', '该密码过于常见，容易被猜中，请换一个'],
    ['Admin@2026', 'common', '该密码过于常见，容易被猜中，请换一个'],
  ])('refuses %j (%s) with its own message', (p, rule, message) => {
    expect(passwordProblem(p, production)).toEqual({ rule, message });
  });

  it('refuses the username, in any case and inside the password', () => {
    expect(passwordProblem('Dazu.Admin', { username: 'dazu.admin', demoMode: false })?.rule).toBe('username');
    expect(passwordProblem('my-dazu.admin-2026', { username: 'dazu.admin', demoMode: false })?.rule).toBe('username');
    expect(passwordProblem('my-dazu.admin-2026', { username: 'other.user', demoMode: false })).toBeUndefined();
  });

  it('accepts the published demo password only in demo mode', () => {
    expect(passwordProblem(DEMO_PASSWORD, demo)).toBeUndefined();
    expect(passwordProblem(DEMO_PASSWORD, production)?.rule).toBe('common');
    expect(passwordProblem(DEMO_PASSWORD.toUpperCase(), production)?.rule).toBe('common');
  });

  it('throws PASSWORD_TOO_WEAK with the field and the rule', () => {
    try {
      checkPasswordPolicy('Password123', { demoMode: false, field: 'newPassword' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'PASSWORD_TOO_WEAK', status: 400, details: { field: 'newPassword', rule: 'common' } });
    }
  });
});

describe('argon2 hashing', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('Zjtx-demo-2026');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'Zjtx-demo-2026')).toBe(true);
    expect(await verifyPassword(hash, 'zjtx-demo-2026')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
