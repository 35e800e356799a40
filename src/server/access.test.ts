import { describe, expect, it } from 'vitest';
import { type Actor, can, inScope, type Role, requireAccess, scopeOf } from './access.js';
import type { AppError } from './errors.js';

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  role,
  districtCode: null,
  enterpriseId: null,
  organization: null,
  ...extra,
});

const rongchang = actor('district_admin', { districtCode: '500153' });
const liangjiang = actor('district_admin', { districtCode: 'LJXQ' });
const enterpriseUser = actor('enterprise', { enterpriseId: 'e1' });

describe('scopeOf', () => {
  it.each([
    [actor('city_admin'), { kind: 'all' }],
    [rongchang, { kind: 'district', districtCode: '500153' }],
    [enterpriseUser, { kind: 'enterprise', enterpriseId: 'e1' }],
    [actor('district_admin'), { kind: 'none' }],
    [actor('enterprise'), { kind: 'none' }],
    [actor('bank', { organization: '重庆银行' }), { kind: 'none' }],
    [actor('department'), { kind: 'none' }],
    [actor('provider'), { kind: 'none' }],
    [actor('expert'), { kind: 'assigned', assignment: 'expert', userId: 'u' }],
  ])('%o → %o', (who, scope) => {
    expect(scopeOf(who)).toEqual(scope);
  });
});

describe('inScope', () => {
  const yubeiInLiangjiang = { enterpriseId: 'e2', districtCode: '500112', zoneCode: 'LJXQ' };
  it.each([
    ['city sees anything', actor('city_admin'), yubeiInLiangjiang, true],
    ['district sees its own district', rongchang, { enterpriseId: 'e1', districtCode: '500153' }, true],
    ['district does not see another', rongchang, yubeiInLiangjiang, false],
    ['zone sees enterprises in the zone', liangjiang, yubeiInLiangjiang, true],
    ['zone does not see the rest of the district', liangjiang, { enterpriseId: 'e3', districtCode: '500112', zoneCode: null }, false],
    ['enterprise sees itself', enterpriseUser, { enterpriseId: 'e1', districtCode: '500153' }, true],
    ['enterprise does not see a neighbour', enterpriseUser, { enterpriseId: 'e4', districtCode: '500153' }, false],
    ['a bank sees no enterprise by default', actor('bank'), { enterpriseId: 'e1', districtCode: '500153' }, false],
    // An assigned scope is answered by its query only: an in-memory check never grants it.
    ['an expert is granted nothing in memory', actor('expert'), { enterpriseId: 'e1', districtCode: '500153' }, false],
  ])('%s', (_label, who, target, expected) => {
    expect(inScope(scopeOf(who), target)).toBe(expected);
  });
});

it('never lets an in-memory target check grant an assigned scope (an expert may read enterprises, but only through the query)', () => {
  const expert = actor('expert');
  expect(can(expert, 'enterprise.read')).toBe(true);
  expect(can(expert, 'enterprise.read', { enterpriseId: 'e1', districtCode: '500153', zoneCode: null })).toBe(false);
  expect(can(expert, 'enterprise.write')).toBe(false);
});

describe('requireAccess', () => {
  const fails = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e as AppError;
    }
    throw new Error('did not throw');
  };

  it('answers 401 without an actor', () => {
    expect(fails(() => requireAccess(null, 'enterprise.read')).status).toBe(401);
  });

  it('answers 404 to a refused read and 403 to a refused write', () => {
    expect(fails(() => requireAccess(rongchang, 'user.read')).status).toBe(404);
    expect(fails(() => requireAccess(rongchang, 'user.manage')).status).toBe(403);
    expect(fails(() => requireAccess(rongchang, 'enterprise.read', { districtCode: '500112' })).status).toBe(404);
    expect(fails(() => requireAccess(rongchang, 'enterprise.write', { districtCode: '500112' })).status).toBe(403);
  });

  it('returns the actor when allowed', () => {
    expect(requireAccess(rongchang, 'enterprise.read', { districtCode: '500153' })).toBe(rongchang);
    expect(can(actor('city_admin'), 'audit.read')).toBe(true);
    expect(can(enterpriseUser, 'audit.read')).toBe(false);
  });
});
