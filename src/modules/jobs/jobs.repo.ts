import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { jobs } from '../../db/schema/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A job, only if `userId` started it (the query returns nothing for anyone else). */
export async function selectJobOfStarter(db: DbOrTx, id: string, userId: string) {
  if (!UUID.test(id)) return undefined;
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.createdBy, userId)))
    .limit(1);
  return row;
}
