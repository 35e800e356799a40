import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { loginAttempts, users } from '../../db/schema/index.js';

/** The `ip` of the account-wide counter: failures from every address together. */
export const ANY_ADDRESS = '*';

export interface LoginLimits {
  /** Failures from one address that lock the name for that address. */
  perAddress: number;
  /** Failures from all addresses together that lock the name everywhere. */
  perAccount: number;
  /** Length of the counting window and of a lock. */
  minutes: number;
}

export interface AttemptCounters {
  addressFailures: number;
  addressLockedUntil: Date | null;
  accountFailures: number;
  accountLockedUntil: Date | null;
}

interface AttemptRow {
  ip: string;
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

function counters(rows: AttemptRow[], ip: string, minutes: number): AttemptCounters {
  const now = Date.now();
  const live = (row: AttemptRow | undefined) => (row && row.windowStartedAt.getTime() + minutes * 60_000 > now ? row.failures : 0);
  const locked = (row: AttemptRow | undefined) => (row?.lockedUntil && row.lockedUntil.getTime() > now ? row.lockedUntil : null);
  const address = rows.find((r) => r.ip === ip);
  const account = rows.find((r) => r.ip === ANY_ADDRESS);
  return {
    addressFailures: live(address),
    addressLockedUntil: locked(address),
    accountFailures: live(account),
    accountLockedUntil: locked(account),
  };
}

/** The counters of a name (existing or not) for one address and for all. */
export async function readAttempts(db: DbOrTx, username: string, ip: string, minutes: number): Promise<AttemptCounters> {
  const rows = await db
    .select({
      ip: loginAttempts.ip,
      failures: loginAttempts.failures,
      windowStartedAt: loginAttempts.windowStartedAt,
      lockedUntil: loginAttempts.lockedUntil,
    })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, username), or(eq(loginAttempts.ip, ip), eq(loginAttempts.ip, ANY_ADDRESS))));
  return counters(rows, ip, minutes);
}

/**
 * Counts one failure for the address and for the account in one statement, in a fixed window that
 * starts at the first failure; a counter that reaches its limit locks for `minutes`.
 */
export async function recordFailure(db: DbOrTx, username: string, ip: string, limits: LoginLimits): Promise<AttemptCounters> {
  const window = sql`make_interval(mins => ${limits.minutes})`;
  const expired = sql`${loginAttempts.windowStartedAt} <= now() - ${window}`;
  const failures = sql`case when ${expired} then 1 else ${loginAttempts.failures} + 1 end`;
  const limit = sql`case when ${loginAttempts.ip} = ${ANY_ADDRESS} then ${limits.perAccount}::int else ${limits.perAddress}::int end`;
  const lockFor = (max: number) => sql`case when 1 >= ${max}::int then now() + ${window} end`;
  const rows = await db
    .insert(loginAttempts)
    .values([
      { username, ip, failures: 1, windowStartedAt: sql`now()`, lockedUntil: lockFor(limits.perAddress) },
      { username, ip: ANY_ADDRESS, failures: 1, windowStartedAt: sql`now()`, lockedUntil: lockFor(limits.perAccount) },
    ])
    .onConflictDoUpdate({
      target: [loginAttempts.username, loginAttempts.ip],
      set: {
        failures,
        windowStartedAt: sql`case when ${expired} then now() else ${loginAttempts.windowStartedAt} end`,
        lockedUntil: sql`case when ${failures} >= ${limit} then now() + ${window} else ${loginAttempts.lockedUntil} end`,
      },
    })
    .returning({
      ip: loginAttempts.ip,
      failures: loginAttempts.failures,
      windowStartedAt: loginAttempts.windowStartedAt,
      lockedUntil: loginAttempts.lockedUntil,
    });
  return counters(rows, ip, limits.minutes);
}

/** A good password from an address clears that address's counter (not the account's: an attacker elsewhere keeps counting). */
export async function clearAddressFailures(db: DbOrTx, username: string, ip: string): Promise<void> {
  await db.delete(loginAttempts).where(and(eq(loginAttempts.username, username), eq(loginAttempts.ip, ip)));
}

/** An administrator's reset unlocks the account everywhere. */
export async function clearAllFailures(db: DbOrTx, username: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.username, username));
}

/** Counters whose window and lock have both ended. */
export async function deleteStaleAttempts(db: DbOrTx, minutes: number): Promise<void> {
  await db
    .delete(loginAttempts)
    .where(
      and(
        lt(loginAttempts.windowStartedAt, sql`now() - make_interval(mins => ${minutes})`),
        or(isNull(loginAttempts.lockedUntil), lt(loginAttempts.lockedUntil, sql`now()`)),
      ),
    );
}

/** The account-wide lock of a user, as a column for user lists and answers. */
export const accountLockedUntil = sql<Date | null>`(select ${loginAttempts.lockedUntil} from ${loginAttempts}
   where ${loginAttempts.username} = ${users.username} and ${loginAttempts.ip} = ${ANY_ADDRESS} and ${loginAttempts.lockedUntil} > now())`.mapWith(
  (value: string | Date | null) => (value === null ? null : new Date(value)),
);
