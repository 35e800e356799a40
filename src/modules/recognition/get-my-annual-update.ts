import { todayInShanghai } from '../../domain/dates.js';
import { TIER_LABELS, type Tier, YEAR_FIELDS } from '../../domain/enterprise-rules.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound, unauthenticated } from '../../server/errors.js';
import { selectYears } from '../enterprises/enterprises.repo.js';
import { selectHeldTitle } from '../enterprises/title-views.repo.js';
import { selectDeadlineSettings, selectUpdatesOf } from './annual-updates.repo.js';
import { presentDue } from './present-annual-update.js';
import { notTitleHolder } from './recognition.errors.js';

/** The enterprise user's own enterprise; anyone else is told "not found" (the route is the enterprise's). */
export function ownEnterpriseId(actor: Actor | null): string {
  if (!actor) throw unauthenticated();
  if (actor.role !== 'enterprise' || !actor.enterpriseId) throw notFound();
  return actor.enterpriseId;
}

/** The year whose figures are due now: last year's. */
export const dueDataYear = (today: string) => Number(today.slice(0, 4)) - 1;

/**
 * The enterprise's annual update (年度信息更新): last year's figures pre-filled from the registry, the
 * deadline and whether it was met, and its past updates. An enterprise without a valid title sees
 * why the form is closed.
 */
export async function getMyAnnualUpdate(ctx: AppContext, actor: Actor | null) {
  const enterpriseId = ownEnterpriseId(actor);
  const today = todayInShanghai();
  const dataYear = dueDataYear(today);
  const [held, settings, updates, years] = await Promise.all([
    selectHeldTitle(ctx.db, enterpriseId, today),
    selectDeadlineSettings(ctx.db),
    selectUpdatesOf(ctx.db, enterpriseId),
    selectYears(ctx.db, enterpriseId),
  ]);
  const stored = years.find((y) => y.year === dataYear);
  const current = updates.find((u) => u.dataYear === dataYear) ?? null;
  return {
    holder: Boolean(held),
    notHolderReason: held ? null : notTitleHolder().message,
    title: held
      ? {
          id: held.id,
          tier: held.tier,
          tierLabel: TIER_LABELS[held.tier as Tier] ?? held.tier,
          recognisedOn: held.recognisedOn,
          validUntil: held.validUntil,
        }
      : null,
    due: presentDue({ dataYear, settings, holder: Boolean(held), update: current, today }),
    figures: Object.fromEntries(YEAR_FIELDS.map((f) => [f, stored?.[f] ?? null])),
    history: updates.map((u) => presentDue({ dataYear: u.dataYear, settings, holder: true, update: u, today })),
  };
}
