import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';

describe('password policy', () => {
  it.each(['Zjtx-demo-2026', 'abcdefgH12', 'ABCDEFGH1!', '重庆Zjtx-2026'])('accepts %s', (p) => {
    expect(() => checkPasswordPolicy(p)).not.toThrow();
  });
  it.each(['short1A!', 'alllowercase1', 'ALLUPPER-ONLY', '1234567890!', 'x'.repeat(129)])('refuses %s', (p) => {
    expect(() => checkPasswordPolicy(p)).toThrow(/至少包含/);
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
