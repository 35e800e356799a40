import { todayInShanghai } from '../../domain/dates.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { readerFor } from '../../server/read-replica.js';
import { enterpriseItems } from './enterprise-items.js';
import { officerItems } from './officer-items.js';
import type { Workbench } from './workbench.schemas.js';

/**
 * 工作台: what needs doing now for the actor's role, each with its count and the list it opens. The
 * counts may lag a few seconds: they are read from the replica when there is one (readerFor), through
 * the same scoped use cases as the lists they open, so a district never counts another's.
 */
export async function getWorkbench(ctx: AppContext, actor: Actor | null): Promise<Workbench> {
  const who = requireAccess(actor, 'workbench.read');
  const reader: AppContext = { ...ctx, db: await readerFor(ctx) };
  const today = todayInShanghai();
  const items =
    who.role !== 'enterprise' ? await officerItems(reader, who, today) : who.enterpriseId ? await enterpriseItems(reader, who, today) : [];
  return { role: who.role, asOf: today, items };
}
