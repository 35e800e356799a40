import { lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { rateLimits } from '../db/schema/index.js';

/** One more hit for a key in a fixed window of `windowMs`; the count and the time left, from one statement. */
export async function hit(db: DbOrTx, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  const windowEnd = sql`now() + make_interval(secs => ${windowMs / 1000})`;
  const ended = sql`${rateLimits.windowEndsAt} <= now()`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, hits: 1, windowEndsAt: windowEnd })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${ended} then 1 else ${rateLimits.hits} + 1 end`,
        windowEndsAt: sql`case when ${ended} then ${windowEnd} else ${rateLimits.windowEndsAt} end`,
      },
    })
    .returning({ current: rateLimits.hits, ttl: sql<string>`extract(epoch from ${rateLimits.windowEndsAt} - now()) * 1000` });
  return { current: row.current, ttl: Math.max(0, Math.ceil(Number(row.ttl))) };
}

/** The count and time left without counting a hit. */
export async function peek(db: DbOrTx, key: string): Promise<{ current: number; ttl: number }> {
  const rows = await db
    .select({ current: rateLimits.hits, ttl: sql<string>`extract(epoch from ${rateLimits.windowEndsAt} - now()) * 1000` })
    .from(rateLimits)
    .where(sql`${rateLimits.key} = ${key} and ${rateLimits.windowEndsAt} > now()`);
  const row = rows[0];
  return row ? { current: row.current, ttl: Math.max(0, Math.ceil(Number(row.ttl))) } : { current: 0, ttl: 0 };
}

export async function deleteEndedWindows(db: DbOrTx): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowEndsAt, sql`now()`));
}
