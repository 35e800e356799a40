// 专家评审 (双随机): the experts drawn for applications and what they answered and scored. The only
// file with SQL on recognition_expert_reviews; experts' own data is read through the experts module.
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { recognitionExpertReviews } from '../../db/schema/index.js';
import { expertIdsOfUser } from '../experts/experts.repo.js';

/** Whether the expert logged in as `userId` was drawn to review the application (loadApplication's expert scope). */
export async function isAssignedExpert(db: DbOrTx, userId: string, applicationId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(recognitionExpertReviews)
    .where(
      and(
        eq(recognitionExpertReviews.applicationId, applicationId),
        sql`${recognitionExpertReviews.expertId} in (${expertIdsOfUser(userId)})`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The applications an expert user was drawn for, as a subquery of application ids (list scopes). */
export function applicationIdsAssignedTo(userId: string): SQL {
  return sql`select r.application_id from recognition_expert_reviews r where r.expert_id in (${expertIdsOfUser(userId)})`;
}
